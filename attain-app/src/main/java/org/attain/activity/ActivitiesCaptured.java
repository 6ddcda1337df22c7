package org.attain.activity;

import java.time.LocalDate;
import java.util.Set;

/**
 * Published after a capture stored new or changed activities: whose, of which kinds and on which days (before and
 * after a change), so live leaderboards over calls or meetings can refresh.
 */
public record ActivitiesCaptured(Set<Long> personIds, Set<ActivityKind> kinds, LocalDate earliest, LocalDate latest) {

    public ActivitiesCaptured {
        personIds = Set.copyOf(personIds);
        kinds = Set.copyOf(kinds);
    }
}
