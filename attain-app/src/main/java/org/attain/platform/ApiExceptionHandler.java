package org.attain.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every REST error is an RFC 9457 problem document. Validation problems list each field with its
 * reason under {@code errors}; unexpected failures get an id that is also in the log, never a trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    record FieldReason(String field, String reason) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldReason> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldReason(f.getField(), reason(f)))
                .toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldReason> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(e -> new FieldReason(r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    /** A body that is not JSON, or not the JSON this request takes: the field (JSON path or body) and why. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyProblems.FieldReason problem = BodyProblems.of(ex);
        return ResponseEntity.badRequest()
                .body(validation(List.of(new FieldReason(problem.field(), problem.reason()))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String expected = ex.getRequiredType() == null ? "a different value" : describe(ex.getRequiredType());
        return ResponseEntity.badRequest()
                .body(validation(List.of(new FieldReason(ex.getName(), "'" + ex.getValue() + "' is not " + expected))));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException ex) {
        return ResponseEntity.badRequest()
                .body(validation(ex.problems().stream()
                        .map(p -> new FieldReason(p.field(), p.reason()))
                        .toList()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        if (ex.problem() != null) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
            body.setProperty(
                    "errors",
                    List.of(Map.of(
                            "field",
                            ex.problem().field(),
                            "reason",
                            ex.problem().reason())));
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
        }
        return problem(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
        if (ex.code() == null) {
            return problem(HttpStatus.FORBIDDEN, ex.getMessage());
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN,
                messages.getMessage(ex.code(), ex.args(), ex.getMessage(), LocaleContextHolder.getLocale()));
        body.setTitle(messages.getMessage("error.403.title", null, "Forbidden", LocaleContextHolder.getLocale()));
        body.setType(URI.create("https://attain.dev/problems/" + ex.code().replace('.', '-')));
        body.setProperty("code", ex.code());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
        return problem(HttpStatus.CONFLICT, ex.getMessage());
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(Exception ex) {
        return problem(HttpStatus.FORBIDDEN, "You may not do this.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        String id = ErrorIds.next();
        if (DiskFull.in(ex)) {
            log.error("Disk full, error {}: {}", id, ex.getMessage());
            return ResponseEntity.status(HttpStatus.INSUFFICIENT_STORAGE).body(diskFull(messages, id));
        }
        if (DatabaseUnreachable.in(ex)) {
            log.warn("Database unreachable: {}", ex.getMessage());
            return databaseDown(messages);
        }
        log.error("Unexpected API error {}", id, ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote error id " + id + " when you report it.");
        body.setProperty("errorId", id);
        return ResponseEntity.internalServerError().body(body);
    }

    /** The answer while the database cannot be reached: nothing is wrong with the request; ask again shortly. */
    static ResponseEntity<ProblemDetail> databaseDown(MessageSource messages) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage(
                        "error.databaseDown.text", null, "The database cannot be reached just now.", locale));
        body.setTitle(messages.getMessage("error.databaseDown.title", null, "Back in a moment", locale));
        body.setType(URI.create("https://attain.dev/problems/database-unreachable"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(DatabaseUnreachable.RETRY_AFTER_SECONDS))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /** The answer to a full disk: nothing was saved, the same request works once space is freed. */
    static ProblemDetail diskFull(MessageSource messages, String errorId) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INSUFFICIENT_STORAGE,
                messages.getMessage("error.diskFull.text", null, "The server's disk is full.", locale));
        body.setTitle(messages.getMessage("error.diskFull.title", null, "The disk is full", locale));
        body.setType(URI.create("https://attain.dev/problems/disk-full"));
        body.setProperty("errorId", errorId);
        return body;
    }

    private static ProblemDetail validation(List<FieldReason> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.stream()
                        .map(e -> e.field() + ": " + e.reason())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("The request is not valid."));
        body.setTitle("Invalid input");
        body.setType(URI.create("https://attain.dev/problems/invalid-input"));
        body.setProperty(
                "errors",
                errors.stream()
                        .map(e -> Map.of("field", e.field(), "reason", e.reason()))
                        .toList());
        return body;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static String reason(FieldError f) {
        return f.getDefaultMessage() == null ? "is not valid" : f.getDefaultMessage();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a valid " + type.getSimpleName();
    }
}
