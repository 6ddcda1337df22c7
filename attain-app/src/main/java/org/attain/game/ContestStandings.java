package org.attain.game;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A contest's standings as of a day: each participant's place (1 = leading or won), value (the total that
 * decides: cumulative for elimination and race), and for elimination the interval after which they dropped
 * out; for a race the day they reached the target.
 */
public record ContestStandings(Contest contest, LocalDate asOf, boolean done, List<Place> places) {

    public record Place(
            long personId, String name, int place, BigDecimal value, Integer outAfter, LocalDate finishedOn) {}
}
