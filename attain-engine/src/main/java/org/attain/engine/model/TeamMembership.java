package org.attain.engine.model;

import java.util.Objects;
import org.attain.engine.time.DateRange;

/**
 * A person's membership of a team (pod) over a closed date range. A deal counts toward the pod when the
 * person it is credited through was a member on the deal's credit date.
 */
public record TeamMembership(PersonId person, TeamId team, DateRange during) implements java.io.Serializable {

    public TeamMembership {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(during, "during");
    }
}
