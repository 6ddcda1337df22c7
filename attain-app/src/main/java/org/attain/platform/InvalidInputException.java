package org.attain.platform;

import java.util.List;

/** Input broke a business rule; each problem names the field and the reason. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(FieldProblem... problems) {
        this(List.of(problems));
    }

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream()
                .map(p -> p.field() + " " + p.reason())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid input"));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
