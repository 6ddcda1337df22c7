package org.attain.game;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks competitors, pure and deterministic (no Spring, JDBC or clock). The order: score descending, exact
 * (a ratio is compared at 34 significant digits, not at the two decimals shown); equal scores share the
 * competition rank (1, 2, 2, 4) and are listed by name, then key. Competitors without a score (no goal for
 * percent of goal, no positive baseline for improvement) follow unranked, by name then key.
 */
public final class Rankings {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rankings() {}

    /** The exact score of an entry on this basis, {@code null} when it has none. */
    public static BigDecimal exactScore(RankingBasis basis, Entry e) {
        return switch (basis) {
            case VALUE -> e.value();
            case PERCENT_OF_GOAL ->
                e.goal() == null || e.goal().signum() <= 0
                        ? null
                        : e.value().multiply(HUNDRED).divide(e.goal(), MathContext.DECIMAL128);
            case IMPROVEMENT ->
                e.baseline() == null || e.baseline().signum() <= 0
                        ? null
                        : e.value()
                                .subtract(e.baseline())
                                .multiply(HUNDRED)
                                .divide(e.baseline(), MathContext.DECIMAL128);
        };
    }

    public static List<Standing> rank(RankingBasis basis, Collection<Entry> entries) {
        Set<String> keys = new HashSet<>();
        for (Entry e : entries) {
            if (!keys.add(e.key())) {
                throw new IllegalArgumentException("duplicate competitor " + e.key());
            }
        }
        record Scored(Entry entry, BigDecimal score) {}
        Comparator<Scored> byName = Comparator.comparing((Scored s) -> s.entry().name())
                .thenComparing(s -> s.entry().key());
        List<Scored> scored = new ArrayList<>();
        List<Scored> unscored = new ArrayList<>();
        for (Entry e : entries) {
            BigDecimal score = exactScore(basis, e);
            (score == null ? unscored : scored).add(new Scored(e, score));
        }
        scored.sort(
                Comparator.comparing(Scored::score, Comparator.reverseOrder()).thenComparing(byName));
        unscored.sort(byName);
        int n = scored.size();
        List<Standing> out = new ArrayList<>(entries.size());
        for (int i = 0; i < n; i++) {
            Scored s = scored.get(i);
            int rank = i + 1;
            while (rank > 1 && scored.get(rank - 2).score().compareTo(s.score()) == 0) {
                rank--;
            }
            boolean tied = (i > 0 && scored.get(i - 1).score().compareTo(s.score()) == 0)
                    || (i + 1 < n && scored.get(i + 1).score().compareTo(s.score()) == 0);
            out.add(new Standing(
                    s.entry().key(),
                    s.entry().name(),
                    rank,
                    shown(basis, s.score()),
                    s.entry().value(),
                    Band.of(rank, n),
                    tied));
        }
        for (Scored s : unscored) {
            out.add(new Standing(
                    s.entry().key(), s.entry().name(), null, null, s.entry().value(), null, false));
        }
        return List.copyOf(out);
    }

    static BigDecimal shown(RankingBasis basis, BigDecimal exact) {
        return basis == RankingBasis.VALUE ? exact : exact.setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * Team entries from member entries: a team's value, goal and baseline are its members' sums (a member
     * without a goal or baseline leaves the team without one, so a team is never compared on half its goal).
     * {@code teamOf} maps a member key to a team key; members without a team are left out.
     */
    public static List<Entry> teams(
            Collection<Entry> members, Map<String, String> teamOf, Map<String, String> teamNames) {
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<String, boolean[]> missing = new LinkedHashMap<>();
        for (Entry m : members) {
            String team = teamOf.get(m.key());
            if (team == null) {
                continue;
            }
            BigDecimal[] s = sums.computeIfAbsent(
                    team, t -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            boolean[] gone = missing.computeIfAbsent(team, t -> new boolean[2]);
            s[0] = s[0].add(m.value());
            if (m.goal() == null) {
                gone[0] = true;
            } else {
                s[1] = s[1].add(m.goal());
            }
            if (m.baseline() == null) {
                gone[1] = true;
            } else {
                s[2] = s[2].add(m.baseline());
            }
        }
        List<Entry> out = new ArrayList<>();
        sums.forEach((team, s) -> {
            boolean[] gone = missing.get(team);
            out.add(new Entry(
                    team, teamNames.getOrDefault(team, team), s[0], gone[0] ? null : s[1], gone[1] ? null : s[2]));
        });
        return out;
    }
}
