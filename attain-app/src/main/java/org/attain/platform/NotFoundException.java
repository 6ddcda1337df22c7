package org.attain.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Something does not exist, or exists but the caller may not know it does: both are a 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    private final transient FieldProblem problem;

    public NotFoundException(String what, Object id) {
        super("No " + what + " " + id + " here.");
        this.problem = null;
    }

    /** A reference in a field that names nothing the caller may see; the API lists it under errors. */
    public NotFoundException(FieldProblem problem) {
        super(problem.reason());
        this.problem = problem;
    }

    /** The field whose value named nothing, or null. */
    public FieldProblem problem() {
        return problem;
    }
}
