package org.attain.engine.scenario;

import java.util.List;

/** The outcome of one scenario: every check, plus problems that kept it from running at all. */
public record ScenarioReport(String id, String source, List<CheckResult> results, List<String> problems) {

    public ScenarioReport {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty() && !results.isEmpty() && results.stream().allMatch(CheckResult::ok);
    }
}
