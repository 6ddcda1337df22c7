package org.attain.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.credit.Exclusion;
import org.attain.engine.model.PersonId;

/**
 * What the engine gave for one {@link PayeeGroup}: the statements, the exclusions and issues it reported, and
 * the payees it failed on (person id to the cause in one line), who are left out of {@code statements}.
 */
public record GroupOutcome(
        List<PersonId> payees,
        List<PayeePeriodResult> statements,
        List<Exclusion> exclusions,
        List<String> issues,
        Map<String, String> failed)
        implements Serializable {

    public GroupOutcome {
        payees = List.copyOf(payees);
        statements = List.copyOf(statements);
        exclusions = List.copyOf(exclusions);
        issues = List.copyOf(issues);
        failed = Map.copyOf(failed);
    }
}
