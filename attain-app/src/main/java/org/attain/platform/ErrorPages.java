package org.attain.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The last stop for errors no controller handled (unknown URLs, failures in filters): a friendly
 * page for people, a problem document for the API, and for server errors an id that is in the log.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model, jakarta.servlet.http.HttpServletResponse response) {
        HttpStatus status = status(request);
        if (diskFull(request)) {
            response.setStatus(HttpStatus.INSUFFICIENT_STORAGE.value());
            model.addAttribute("status", HttpStatus.INSUFFICIENT_STORAGE.value());
            model.addAttribute("diskFull", true);
            model.addAttribute("errorId", logged(request));
            return "error/5xx";
        }
        if (databaseUnreachable(request)) {
            log.warn("Database unreachable on {}: {}", requestedUri(request), rootMessage(request));
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", String.valueOf(DatabaseUnreachable.RETRY_AFTER_SECONDS));
            model.addAttribute("status", HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("databaseDown", true);
            return "error/5xx";
        }
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("problems", request.getAttribute(PageExceptionHandler.PROBLEMS));
        if (request.getAttribute(PageExceptionHandler.REASON) instanceof PageExceptionHandler.Reason r) {
            model.addAttribute(
                    "reason", messages.getMessage(r.code(), r.args(), r.fallback(), LocaleContextHolder.getLocale()));
        }
        if (status.is5xxServerError()) {
            model.addAttribute("errorId", logged(request));
            return "error/5xx";
        }
        return status == HttpStatus.NOT_FOUND
                ? "error/404"
                : status == HttpStatus.FORBIDDEN ? "error/403" : "error/4xx";
    }

    @RequestMapping("/error")
    @ResponseBody
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        if (diskFull(request)) {
            return ResponseEntity.status(HttpStatus.INSUFFICIENT_STORAGE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiExceptionHandler.diskFull(messages, logged(request)));
        }
        if (databaseUnreachable(request)) {
            log.warn("Database unreachable on {}: {}", requestedUri(request), rootMessage(request));
            return ApiExceptionHandler.databaseDown(messages);
        }
        HttpStatus status = status(request);
        ProblemDetail body = ProblemDetail.forStatus(status);
        if (status.is5xxServerError()) {
            String id = logged(request);
            body.setDetail("Something went wrong on our side. Quote error id " + id + " when you report it.");
            body.setProperty("errorId", id);
        } else if (status == HttpStatus.NOT_FOUND) {
            body.setDetail("There is nothing at " + requestedUri(request) + ".");
        } else if (request.getAttribute(PageExceptionHandler.REASON) instanceof PageExceptionHandler.Reason r) {
            body.setDetail(messages.getMessage(r.code(), r.args(), r.fallback(), LocaleContextHolder.getLocale()));
            body.setProperty("code", r.code());
        } else if (request.getAttribute(PageExceptionHandler.PROBLEMS) instanceof java.util.List<?> problems) {
            body.setProperty(
                    "errors",
                    problems.stream()
                            .map(p -> (FieldProblem) p)
                            .map(p -> java.util.Map.of("field", p.field(), "reason", p.reason()))
                            .toList());
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static boolean diskFull(HttpServletRequest request) {
        return DiskFull.in(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
    }

    private static boolean databaseUnreachable(HttpServletRequest request) {
        return DatabaseUnreachable.in(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
    }

    /** The innermost cause's message: an outage is expected, so one line in the log, not a stack trace. */
    private static String rootMessage(HttpServletRequest request) {
        Object ex = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Throwable t = ex instanceof Throwable th ? th : null;
        while (t != null && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == null ? "" : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String logged(HttpServletRequest request) {
        String id = ErrorIds.next();
        Object ex = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        log.error(
                "Server error {} on {}",
                id,
                request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                ex instanceof Throwable t ? t : null);
        return id;
    }

    /**
     * The status of the error being shown. A request for /error itself (typed or linked, not forwarded
     * by the container) carries no error: it is a page that does not exist, not a server failure.
     */
    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer i) {
            HttpStatus s = HttpStatus.resolve(i);
            return s == null ? HttpStatus.INTERNAL_SERVER_ERROR : s;
        }
        return code == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null
                ? HttpStatus.NOT_FOUND
                : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static Object requestedUri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? request.getRequestURI() : uri;
    }
}
