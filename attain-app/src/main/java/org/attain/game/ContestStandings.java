package org.attain.game;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A contest's standings as of a day: each participant's place (1 = leading or won), value (the total that
 * decides: cumulative for elimination and race), and for elimination the interval after which they dropped
 * out (for a bracket: the round they lost); for a race the day they reached the target. A team battle adds its
 * teams' places and scores (each member's place is their team's); a bracket adds its matches round by round.
 */
public record ContestStandings(
        Contest contest,
        LocalDate asOf,
        boolean done,
        List<Place> places,
        List<TeamPlace> teams,
        List<Bracket.Match> matches) {

    public ContestStandings(Contest contest, LocalDate asOf, boolean done, List<Place> places) {
        this(contest, asOf, done, places, List.of(), List.of());
    }

    public record Place(
            long personId,
            String name,
            int place,
            BigDecimal value,
            Integer outAfter,
            LocalDate finishedOn,
            String team) {

        public Place(long personId, String name, int place, BigDecimal value, Integer outAfter, LocalDate finishedOn) {
            this(personId, name, place, value, outAfter, finishedOn, null);
        }
    }

    /** A team's place, its score (members' sum or average) and how many members it has. */
    public record TeamPlace(String team, int place, BigDecimal score, int members) {}
}
