package org.attain.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A 32-byte key the application keeps outside its database: given in a property (base64), or else read from a file in
 * the data directory, made on first start. The file is created owner-only, so the key is never readable by others,
 * not even for the moment between writing it and restricting it.
 */
public final class KeyFiles {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private KeyFiles() {}

    /**
     * The configured key when {@code configured} is not blank, else the one in {@code fileName} under {@code dataDir}
     * (made there if missing). {@code property} names the setting in the error for a key of the wrong length.
     */
    public static byte[] configuredOrInDataDir(String configured, String dataDir, String fileName, String property) {
        byte[] raw = configured == null || configured.isBlank()
                ? readOrCreate(Path.of(dataDir).toAbsolutePath().normalize().resolve(fileName))
                : Base64.getDecoder().decode(configured.trim());
        if (raw.length != BYTES) {
            throw new IllegalStateException(property + " must be 32 bytes, base64-encoded; it has " + raw.length);
        }
        return raw;
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] fresh = new byte[BYTES];
            RANDOM.nextBytes(fresh);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the data directory's own permissions protect it
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key " + file, e);
        }
    }
}
