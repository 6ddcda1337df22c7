package org.attain.platform;

/** The request is valid but clashes with the current state (closing a closed period, a second approval). */
public class ConflictException extends RuntimeException {

    public ConflictException(String reason) {
        super(reason);
    }
}
