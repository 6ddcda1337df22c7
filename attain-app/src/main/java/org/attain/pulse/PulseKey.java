package org.attain.pulse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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

    private final SecretKeySpec key;

    PulseKey(@Value("${attain.pulse-key:}") String configured, @Value("${attain.data-dir:./data}") String dataDir) {
        byte[] raw = org.attain.platform.KeyFiles.configuredOrInDataDir(
                configured, dataDir, "pulse.key", "attain.pulse-key");
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
}
