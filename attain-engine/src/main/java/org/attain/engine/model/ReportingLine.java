package org.attain.engine.model;

import java.util.Objects;
import org.attain.engine.time.DateRange;

/** {@code person} reports to {@code manager} during {@code during}; lines for one person must not overlap. */
public record ReportingLine(PersonId person, PersonId manager, DateRange during) implements java.io.Serializable {

    public ReportingLine {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(during, "during");
    }
}
