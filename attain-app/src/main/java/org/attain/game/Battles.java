package org.attain.game;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Standings of team battles and brackets from a contest's values (given per range of days by the caller, which
 * reads them from the metric's owner).
 *
 * <p>A team battle ranks teams by their members' sum or average (four decimals, half-even) over the contest so far,
 * with {@link Rankings} (ties share a place); each member's place is their team's. A bracket plays
 * {@link Bracket#rounds} rounds of {@code intervalDays} days from the start; a round counts once its last day has
 * passed (or the contest has ended). Places: the winner first, then by the round lost (later is better), those
 * out in the same round sharing a place; while undecided, those still in share place 1.
 */
final class Battles {

    private Battles() {}

    interface Values {
        Map<Long, BigDecimal> over(LocalDate from, LocalDate to);
    }

    static ContestStandings teamBattle(
            Contest c, LocalDate asOf, boolean done, Map<Long, String> names, Values values) {
        Map<Long, BigDecimal> v = values.over(c.startsOn(), asOf);
        Map<String, BigDecimal> sums = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        c.teams().forEach((p, team) -> {
            sums.merge(team, v.getOrDefault(p, BigDecimal.ZERO), BigDecimal::add);
            sizes.merge(team, 1, Integer::sum);
        });
        boolean average = "AVERAGE".equals(c.teamScore());
        List<Entry> entries = new ArrayList<>();
        sums.forEach((team, sum) -> entries.add(Entry.of(
                team, average ? sum.divide(BigDecimal.valueOf(sizes.get(team)), 4, RoundingMode.HALF_EVEN) : sum)));
        List<ContestStandings.TeamPlace> teams = new ArrayList<>();
        Map<String, Integer> placeOf = new HashMap<>();
        for (Standing s : Rankings.rank(RankingBasis.VALUE, entries)) {
            teams.add(new ContestStandings.TeamPlace(s.key(), s.rank(), s.value(), sizes.get(s.key())));
            placeOf.put(s.key(), s.rank());
        }
        List<ContestStandings.Place> places = new ArrayList<>();
        c.participants().stream()
                .sorted(Comparator.comparing((Long p) -> placeOf.get(c.teams().get(p)))
                        .thenComparing((Long p) -> v.getOrDefault(p, BigDecimal.ZERO), Comparator.reverseOrder())
                        .thenComparing(names::get)
                        .thenComparing(p -> p))
                .forEach(p -> places.add(new ContestStandings.Place(
                        p,
                        names.get(p),
                        placeOf.get(c.teams().get(p)),
                        v.getOrDefault(p, BigDecimal.ZERO),
                        null,
                        null,
                        c.teams().get(p))));
        return new ContestStandings(c, asOf, done, places, List.copyOf(teams), List.of());
    }

    static ContestStandings bracket(
            Contest c, LocalDate asOf, LocalDate today, boolean done, Map<Long, String> names, Values values) {
        List<String> seeds = c.participants().stream().map(String::valueOf).toList();
        List<Map<String, BigDecimal>> perRound = new ArrayList<>();
        int rounds = Bracket.rounds(seeds.size());
        for (int r = 0; r < rounds; r++) {
            LocalDate from = c.startsOn().plusDays((long) r * c.intervalDays());
            LocalDate to = from.plusDays(c.intervalDays() - 1L);
            if (!(done || to.isBefore(today))) {
                break;
            }
            Map<String, BigDecimal> round = new HashMap<>();
            values.over(from, to).forEach((p, x) -> round.put(String.valueOf(p), x));
            perRound.add(round);
        }
        Bracket.Result result = Bracket.run(seeds, perRound);
        Map<String, BigDecimal> totals = new HashMap<>();
        for (Bracket.Match m : result.matches()) {
            totals.merge(m.first(), m.firstValue(), BigDecimal::add);
            if (m.second() != null) {
                totals.merge(m.second(), m.secondValue(), BigDecimal::add);
            }
        }
        // Still in: round "infinity"; out: the round lost. Later is better; the winner is the only one left at the end.
        Map<String, Integer> reached = new HashMap<>();
        seeds.forEach(s -> reached.put(s, result.outInRound().getOrDefault(s, Integer.MAX_VALUE)));
        List<ContestStandings.Place> places = new ArrayList<>();
        seeds.stream()
                .sorted(Comparator.comparing((String s) -> reached.get(s), Comparator.reverseOrder())
                        .thenComparing(seeds::indexOf))
                .forEach(s -> {
                    int better = (int) seeds.stream()
                            .filter(o -> reached.get(o) > reached.get(s))
                            .count();
                    long p = Long.parseLong(s);
                    places.add(new ContestStandings.Place(
                            p,
                            names.get(p),
                            better + 1,
                            totals.getOrDefault(s, BigDecimal.ZERO),
                            result.outInRound().get(s),
                            null));
                });
        return new ContestStandings(c, asOf, done, places, List.of(), result.matches());
    }
}
