package org.attain.planning.capacity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Changes to try without saving: another expected attainment (null: the stored one), saved hires and
 * leavers left out by id, and hires and leavers added.
 */
public record WhatIf(
        BigDecimal expectedAttainment,
        Set<Long> dropHires,
        Set<Long> dropLeavings,
        List<PlannedHire> extraHires,
        List<PlannedLeaving> extraLeavings) {

    public WhatIf {
        dropHires = dropHires == null ? Set.of() : Set.copyOf(dropHires);
        dropLeavings = dropLeavings == null ? Set.of() : Set.copyOf(dropLeavings);
        extraHires = extraHires == null ? List.of() : List.copyOf(extraHires);
        extraLeavings = extraLeavings == null ? List.of() : List.copyOf(extraLeavings);
    }

    public static WhatIf none() {
        return new WhatIf(null, Set.of(), Set.of(), List.of(), List.of());
    }

    public boolean changesAnything() {
        return expectedAttainment != null
                || !dropHires.isEmpty()
                || !dropLeavings.isEmpty()
                || !extraHires.isEmpty()
                || !extraLeavings.isEmpty();
    }
}
