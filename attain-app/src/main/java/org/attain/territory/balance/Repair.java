package org.attain.territory.balance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The search's start: a greedy repair that moves as few accounts as it can to bring the territories into the band.
 * While any territory lies outside the band it moves one account out of the fullest territory (largest weighted
 * surplus over the mean; the next fullest if none of its accounts helps) into one of the {@value #DESTINATIONS}
 * emptiest (the emptiest first that any of them helps): the account that lowers the two territories' distance
 * outside the band the most (ties: the better spread, then the first by account id), and stops as soon as no such
 * move is left. Only accounts where they are today move; pinned ones never. It gives the search (best of
 * {@code TerritoryBalancer.MOVES_PER_STEP} moves a step) a start near the band with few moves, in a fraction of the time
 * limit; on its own, with the earlier first-acceptable-move search, it did not keep moves few (9,186 of 10,000 in the
 * benchmark). Runs only when every account has a territory (placing new accounts is the construction heuristic's job).
 * Same input, same start.
 */
final class Repair {

    /** The fullest territories a move is tried out of, and the emptiest it is tried into. */
    static final int DESTINATIONS = 10;

    private Repair() {}

    /** Where each account starts, by account id; accounts not named start where they are. */
    static Map<String, BalanceTerritory> start(BalanceModel model) {
        Map<String, BalanceTerritory> out = new HashMap<>();
        if (model.accounts.stream().anyMatch(a -> a.territory() == null)) {
            return out;
        }
        Bands bands = model.bands;
        int territoryCount = model.territories.size();
        int metricCount = bands.metricCount();
        long[][] totals = new long[territoryCount][metricCount];
        List<List<BalanceAccount>> movable = new ArrayList<>();
        for (int t = 0; t < territoryCount; t++) {
            movable.add(new ArrayList<>());
        }
        for (BalanceAccount a : model.accounts) {
            int t = a.territory().index();
            add(totals[t], a.values(), 1);
            if (!a.pinned()) {
                movable.get(t).add(a);
            }
        }
        movable.forEach(list -> list.sort(Comparator.comparing(BalanceAccount::id)));
        long[] from = new long[metricCount];
        long[] to = new long[metricCount];
        long[] surplus = new long[territoryCount];
        Integer[] order = new Integer[territoryCount];
        for (int step = 0; step < model.accounts.size(); step++) {
            boolean outside = false;
            for (int t = 0; t < territoryCount; t++) {
                outside |= bands.outsideBand(totals[t]) > 0;
                surplus[t] = bands.surplus(totals[t]);
                order[t] = t;
            }
            if (!outside) {
                break;
            }
            java.util.Arrays.sort(
                    order, Comparator.comparingLong((Integer t) -> -surplus[t]).thenComparing(t -> t));
            int destinations = Math.min(DESTINATIONS, territoryCount);
            boolean moved = false;
            for (int i = 0; i < destinations && !moved && surplus[order[i]] > 0; i++) {
                int source = order[i];
                BalanceAccount best = null;
                int bestTarget = -1;
                long bestGain = 0;
                long bestSoft = Long.MAX_VALUE;
                for (int j = territoryCount - 1; j >= territoryCount - destinations && best == null; j--) {
                    int target = order[j];
                    if (target == source) {
                        continue;
                    }
                    long hardBefore = bands.outsideBand(totals[source]) + bands.outsideBand(totals[target]);
                    long softBefore = bands.spread(totals[source]) + bands.spread(totals[target]);
                    for (BalanceAccount a : movable.get(source)) {
                        for (int m = 0; m < metricCount; m++) {
                            from[m] = totals[source][m] - a.values()[m];
                            to[m] = totals[target][m] + a.values()[m];
                        }
                        long gain = hardBefore - bands.outsideBand(from) - bands.outsideBand(to);
                        if (gain <= 0 || gain < bestGain) {
                            continue;
                        }
                        long soft = bands.spread(from) + bands.spread(to) - softBefore;
                        if (gain > bestGain || soft < bestSoft) {
                            best = a;
                            bestTarget = target;
                            bestGain = gain;
                            bestSoft = soft;
                        }
                    }
                }
                if (best != null) {
                    // Once moved, an account stays in its new territory: the repair never moves it twice.
                    movable.get(source).remove(best);
                    add(totals[source], best.values(), -1);
                    add(totals[bestTarget], best.values(), 1);
                    out.put(best.id(), model.territories.get(bestTarget));
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        return out;
    }

    private static void add(long[] sums, long[] values, int sign) {
        for (int m = 0; m < values.length; m++) {
            sums[m] += sign * values[m];
        }
    }
}
