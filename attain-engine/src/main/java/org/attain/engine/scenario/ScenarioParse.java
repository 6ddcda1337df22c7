package org.attain.engine.scenario;

import java.util.List;
import java.util.Optional;
import org.attain.engine.yaml.SourceProblem;

/** A scenario, or the problems (file, line, column, reason) that stop it from being read. */
public record ScenarioParse(Optional<Scenario> scenario, List<SourceProblem> problems) {

    public ScenarioParse {
        problems = List.copyOf(problems);
    }
}
