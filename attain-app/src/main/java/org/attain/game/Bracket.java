package org.attain.game;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A knockout bracket, pure. Competitors come in seed order (seed 1 first). Each round the competitors still in are
 * re-seeded (ordered by their seed) and paired best against worst: seed 1 meets the lowest seed left, seed 2 the
 * next lowest, and so on; with an odd number left the best seed has a bye and advances. A pairing is won by the
 * higher value in that round; a tie goes to the higher total over the rounds played so far, then to the better
 * (lower) seed. {@code ceil(log2(n))} rounds decide a winner.
 *
 * <p>Only rounds given values are played: with fewer rounds than needed (a running contest) the competitors still
 * in have no final place yet.
 */
public final class Bracket {

    private Bracket() {}

    /** A pairing in a round (1-based); {@code second} is null for a bye. */
    public record Match(
            int round, String first, String second, BigDecimal firstValue, BigDecimal secondValue, String winner) {}

    /** Every match, who is still in (seed order), who went out in which round, and the winner (once decided). */
    public record Result(List<Match> matches, List<String> left, Map<String, Integer> outInRound, String winner) {}

    public static int rounds(int competitors) {
        int rounds = 0;
        for (int n = competitors; n > 1; n = (n + 1) / 2) {
            rounds++;
        }
        return rounds;
    }

    /** {@code perRound.get(r)}: each competitor's value in round r+1 (missing: zero). */
    public static Result run(List<String> seeds, List<Map<String, BigDecimal>> perRound) {
        Map<String, Integer> seedOf = new HashMap<>();
        for (int i = 0; i < seeds.size(); i++) {
            seedOf.put(seeds.get(i), i + 1);
        }
        List<String> left = new ArrayList<>(seeds);
        Map<String, BigDecimal> totals = new HashMap<>();
        seeds.forEach(s -> totals.put(s, BigDecimal.ZERO));
        Map<String, Integer> out = new HashMap<>();
        List<Match> matches = new ArrayList<>();
        int needed = rounds(seeds.size());
        for (int r = 0; r < Math.min(needed, perRound.size()) && left.size() > 1; r++) {
            Map<String, BigDecimal> values = perRound.get(r);
            for (String s : left) {
                totals.merge(s, values.getOrDefault(s, BigDecimal.ZERO), BigDecimal::add);
            }
            List<String> next = new ArrayList<>();
            int lo = 0;
            int hi = left.size() - 1;
            if (left.size() % 2 == 1) {
                String bye = left.get(lo++);
                matches.add(new Match(r + 1, bye, null, values.getOrDefault(bye, BigDecimal.ZERO), null, bye));
                next.add(bye);
            }
            while (lo < hi) {
                String a = left.get(lo++);
                String b = left.get(hi--);
                BigDecimal va = values.getOrDefault(a, BigDecimal.ZERO);
                BigDecimal vb = values.getOrDefault(b, BigDecimal.ZERO);
                int c = va.compareTo(vb);
                if (c == 0) {
                    c = totals.get(a).compareTo(totals.get(b));
                }
                if (c == 0) {
                    c = Integer.compare(seedOf.get(b), seedOf.get(a));
                }
                String winner = c > 0 ? a : b;
                String loser = c > 0 ? b : a;
                matches.add(new Match(r + 1, a, b, va, vb, winner));
                out.put(loser, r + 1);
                next.add(winner);
            }
            next.sort(java.util.Comparator.comparing(seedOf::get));
            left = next;
        }
        String winner = left.size() == 1 ? left.get(0) : null;
        return new Result(List.copyOf(matches), List.copyOf(left), Map.copyOf(out), winner);
    }
}
