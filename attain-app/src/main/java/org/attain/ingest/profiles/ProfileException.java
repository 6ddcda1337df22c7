package org.attain.ingest.profiles;

/** An import profile that cannot be used; the message says which key and why. */
public class ProfileException extends RuntimeException {

    public ProfileException(String message) {
        super(message);
    }
}
