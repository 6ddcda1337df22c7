package org.attain.pulse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The pulse key, a secret kept outside the database: it turns a survey and a person into the seal that says "this
 * person has answered" (HMAC-SHA256 of {@code surveyId:personId}). The database holds seals only, so on its own it
 * cannot say whose seal is whose. From {@code attain.pulse-key} (base64, 32 bytes); without it one is generated into
 * {@code pulse.key} in the data directory on first start, readable only by the owner, and reused afterwards. Losing
 * the key loses only the "already answered" check of surveys still open (their recipients could answer once more).
 */
@Component
class PulseKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    PulseKey(@Value("${attain.pulse-key:}") String configured, @Value("${attain.data-dir:./data}") String dataDir) {
        byte[] raw = configured.isBlank()
                ? keyFile(Path.of(dataDir).toAbsolutePath().normalize().resolve("pulse.key"))
                : Base64.getDecoder().decode(configured.trim());
        if (raw.length != 32) {
            throw new IllegalStateException("attain.pulse-key must be 32 bytes, base64-encoded; it has " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    /** The seal of a person's answer to a survey: the same for the same survey and person, unguessable without the key. */
    byte[] seal(long surveyId, long personId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((surveyId + ":" + personId).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** What the database keeps to recognise this key (not the key, nor anything a seal can be made from). */
    byte[] fingerprint() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal("attain pulse key check".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                // created owner-only, so the key is never readable by others, not even for a moment
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(
                        file); // not a POSIX file system (Windows): the data directory's own permissions protect it
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pulse key " + file, e);
        }
    }
}
