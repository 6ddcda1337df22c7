package org.attain.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The caller is known but may not do this. With a {@code code}, the reason is a message key that
 * the API's problem document and the error page say in the caller's language; {@code reason} is the
 * English fallback.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class ForbiddenException extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public ForbiddenException(String reason) {
        this(null, reason);
    }

    public ForbiddenException(String code, String reason, Object... args) {
        super(reason);
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** The message key of the reason, or null when there is only the English text. */
    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
