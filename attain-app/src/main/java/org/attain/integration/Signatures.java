package org.attain.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of webhook bodies, both directions. The signed text is
 * {@code timestamp + "." + raw body}: signing the timestamp too means an old delivery cannot be
 * replayed with a fresh timestamp header.
 */
public final class Signatures {

    public static final String SIGNATURE = "X-Attain-Signature";
    public static final String TIMESTAMP = "X-Attain-Timestamp";
    public static final String DELIVERY = "X-Attain-Delivery";
    static final String EVENT = "X-Attain-Event";

    private Signatures() {}

    /** The header value: "sha256=" and the lower-case hex HMAC. */
    static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Constant-time comparison, so the time taken reveals nothing about how much of a guess was right. */
    public static boolean matches(String secret, long timestampSeconds, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = sign(secret, timestampSeconds, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(
                expected, header.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
