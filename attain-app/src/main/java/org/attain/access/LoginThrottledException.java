package org.attain.access;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins: the user must wait before the next try. */
class LoginThrottledException extends AuthenticationException {

    private final long secondsToWait;

    LoginThrottledException(long secondsToWait) {
        super("too many failed logins");
        this.secondsToWait = secondsToWait;
    }

    long secondsToWait() {
        return secondsToWait;
    }
}
