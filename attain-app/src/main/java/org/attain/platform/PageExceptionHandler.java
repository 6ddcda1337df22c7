package org.attain.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Pages answer bad input with 400 and say which parameter was wrong, a refusal with 403 and its
 * reason, a clash with the current state with 409: never the 500 an unhandled exception would be.
 * The status is sent as an error so {@link ErrorPages} renders it inside the usual chrome; the
 * details travel as request attributes. The API has its own handler, which always comes first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    static final String PROBLEMS = PageExceptionHandler.class.getName() + ".problems";
    static final String REASON = PageExceptionHandler.class.getName() + ".reason";

    /** A reason in the user's language: a message key, its arguments and the English fallback. */
    record Reason(String code, Object[] args, String fallback) {}

    @ExceptionHandler(InvalidInputException.class)
    void invalid(InvalidInputException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        request.setAttribute(PROBLEMS, ex.problems());
        response.sendError(400);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        request.setAttribute(
                PROBLEMS,
                List.of(new FieldProblem(
                        ex.getName(), "error.param.invalid", "'" + ex.getValue() + "' is not a valid value")));
        response.sendError(400);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missing(MissingServletRequestParameterException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        request.setAttribute(
                PROBLEMS, List.of(new FieldProblem(ex.getParameterName(), "error.param.missing", "is required")));
        response.sendError(400);
    }

    /** A form that should upload a file but was not sent as multipart/form-data: its fault, not the server's. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    void notAnUpload(
            org.springframework.web.multipart.MultipartException ex,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        request.setAttribute(
                PROBLEMS,
                List.of(new FieldProblem(
                        "file", "error.param.upload", "must be sent as a file upload (multipart/form-data)")));
        response.sendError(400);
    }

    @ExceptionHandler(ForbiddenException.class)
    void forbidden(ForbiddenException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ex.code() != null) {
            request.setAttribute(REASON, new Reason(ex.code(), ex.args(), ex.getMessage()));
        }
        response.sendError(403);
    }

    @ExceptionHandler(ConflictException.class)
    void conflict(ConflictException ex, HttpServletResponse response) throws IOException {
        response.sendError(409);
    }
}
