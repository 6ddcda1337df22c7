package org.attain.territory.balance;

import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A territory's totals per metric (scaled by 10^4), immutable: the solver compares a group's new result with its
 * old one, so every change yields a new value.
 */
final class Totals {

    private final long[] sums;

    private Totals(long[] sums) {
        this.sums = sums;
    }

    static Totals zero(int metricCount) {
        return new Totals(new long[metricCount]);
    }

    long[] sums() {
        return sums;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Totals t && Arrays.equals(sums, t.sums);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sums);
    }

    @Override
    public String toString() {
        return Arrays.toString(sums);
    }

    /** Sums the accounts' value vectors incrementally: adding an account returns how to take it out again. */
    static final class Collector implements UniConstraintCollector<BalanceAccount, long[][], Totals> {

        static final Collector INSTANCE = new Collector();

        private Collector() {}

        @Override
        public Supplier<long[][]> supplier() {
            return () -> new long[1][];
        }

        @Override
        public BiFunction<long[][], BalanceAccount, Runnable> accumulator() {
            return (box, account) -> {
                long[] values = account.values();
                if (box[0] == null) {
                    box[0] = new long[values.length];
                }
                long[] sums = box[0];
                for (int m = 0; m < values.length; m++) {
                    sums[m] += values[m];
                }
                return () -> {
                    for (int m = 0; m < values.length; m++) {
                        sums[m] -= values[m];
                    }
                };
            };
        }

        @Override
        public Function<long[][], Totals> finisher() {
            return box -> new Totals(box[0] == null ? new long[0] : box[0].clone());
        }
    }
}
