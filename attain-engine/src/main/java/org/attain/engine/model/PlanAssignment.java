package org.attain.engine.model;

import java.util.Objects;
import org.attain.engine.time.DateRange;

/** {@code person} is paid on plan {@code planId} during {@code during}; a payee may hold several at once. */
public record PlanAssignment(PersonId person, String planId, DateRange during) implements java.io.Serializable {

    public PlanAssignment {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(during, "during");
    }
}
