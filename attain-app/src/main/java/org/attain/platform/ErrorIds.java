package org.attain.platform;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Short ids that tie an error a user saw to the log line an operator searches for. */
public final class ErrorIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorIds() {}

    public static String next() {
        byte[] b = new byte[5];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
