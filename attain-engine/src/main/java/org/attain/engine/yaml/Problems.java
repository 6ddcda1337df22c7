package org.attain.engine.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem in a document instead of stopping at the first, so an author fixes a file in
 * one pass. Owned by one compile call; never shared.
 */
public final class Problems {

    private final List<SourceProblem> problems = new ArrayList<>();

    public void add(SourceLocation at, String reason) {
        problems.add(new SourceProblem(at, reason));
    }

    public void add(YamlNode at, String reason) {
        add(at.location(), reason);
    }

    /** A problem an application can show in the user's language: {@code code} names the message. */
    public void add(SourceLocation at, String reason, String code, List<String> args) {
        problems.add(new SourceProblem(at, reason, code, args));
    }

    public void add(SourceProblem problem) {
        problems.add(problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public int size() {
        return problems.size();
    }

    public List<SourceProblem> list() {
        return List.copyOf(problems);
    }
}
