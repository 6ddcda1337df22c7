package org.attain.calc;

import java.util.Set;

/** Another capability changed an input of these people's pay (an adjustment, a KPI score …): recalculate them. */
public record RecalculationRequested(Set<Long> personIds, String reason, String actor) {
}
