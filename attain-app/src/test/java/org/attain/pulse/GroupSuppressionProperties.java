package org.attain.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.attain.pulse.GroupSuppression.Decision;
import org.attain.pulse.GroupSuppression.Group;

/**
 * Whatever the hierarchy and the answer counts, nobody who sees the shown groups' numbers can work out a hidden
 * group's numbers (or those of the fewer-than-minimum people directly in a group but in none of its sub-groups) by
 * adding and subtracting along the hierarchy. Checked independently of the algorithm's own peeling: a value is
 * derivable exactly when its unit vector lies in the row space of the hierarchy's equations plus the shown groups'
 * unit vectors, which is a rank comparison (over the integers modulo a large prime).
 */
class GroupSuppressionProperties {

    record Tree(List<Integer> parents, List<Integer> direct, int minimum) {}

    @Provide
    Arbitrary<Tree> trees() {
        return Arbitraries.integers().between(1, 12).flatMap(size -> {
            Arbitrary<List<Integer>> parents = Arbitraries.integers()
                    .between(0, 1000)
                    .list()
                    .ofSize(size)
                    .map(raw -> {
                        List<Integer> p = new ArrayList<>();
                        for (int i = 0; i < size; i++) {
                            p.add(i == 0 ? -1 : raw.get(i) % i);
                        }
                        return p;
                    });
            Arbitrary<List<Integer>> direct =
                    Arbitraries.integers().between(0, 9).list().ofSize(size);
            return Combinators.combine(parents, direct, Arbitraries.integers().between(3, 6))
                    .as(Tree::new);
        });
    }

    @Property(tries = 2000)
    void noHiddenGroupCanBeWorkedOutFromTheShownOnes(@ForAll("trees") Tree tree) {
        int size = tree.parents().size();
        int[] total = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            total[i] += tree.direct().get(i);
            if (tree.parents().get(i) >= 0) {
                total[tree.parents().get(i)] += total[i];
            }
        }
        List<Group<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            groups.add(new Group<>(
                    i, tree.parents().get(i) < 0 ? null : tree.parents().get(i), total[i]));
        }
        Map<Integer, Decision<Integer>> decisions = GroupSuppression.decide(groups, tree.minimum());

        // Variables: one per group, then one per "rest" (direct answers of a group that has sub-groups).
        boolean[] hasChildren = new boolean[size];
        for (int i = 1; i < size; i++) {
            hasChildren[tree.parents().get(i)] = true;
        }
        int[] restVar = new int[size];
        int vars = size;
        for (int i = 0; i < size; i++) {
            restVar[i] = hasChildren[i] && tree.direct().get(i) > 0 ? vars++ : -1;
        }
        List<long[]> rows = new ArrayList<>();
        for (int p = 0; p < size; p++) {
            if (!hasChildren[p]) {
                continue;
            }
            long[] row = new long[vars];
            row[p] = 1;
            for (int c = 0; c < size; c++) {
                if (tree.parents().get(c) == p) {
                    row[c] = -1;
                }
            }
            if (restVar[p] >= 0) {
                row[restVar[p]] = -1;
            }
            rows.add(row);
        }
        for (int i = 0; i < size; i++) {
            if (decisions.get(i).shown()) {
                assertThat(total[i]).as("shown group %s", i).isGreaterThanOrEqualTo(tree.minimum());
                rows.add(unit(vars, i));
            }
        }
        int rank = rank(rows, vars);
        for (int i = 0; i < size; i++) {
            if (!decisions.get(i).shown()) {
                assertThat(derivable(rows, rank, unit(vars, i), vars))
                        .as("hidden group %s of %s with %s", i, tree, decisions)
                        .isFalse();
            }
            if (restVar[i] >= 0 && tree.direct().get(i) < tree.minimum()) {
                assertThat(derivable(rows, rank, unit(vars, restVar[i]), vars))
                        .as(
                                "the %s people directly in group %s of %s with %s",
                                tree.direct().get(i), i, tree, decisions)
                        .isFalse();
            }
        }
    }

    private static long[] unit(int vars, int i) {
        long[] row = new long[vars];
        row[i] = 1;
        return row;
    }

    private static boolean derivable(List<long[]> rows, int rank, long[] target, int vars) {
        List<long[]> with = new ArrayList<>(rows);
        with.add(target);
        return rank(with, vars) == rank;
    }

    private static final long P = 1_000_000_007L;

    private static int rank(List<long[]> input, int vars) {
        long[][] m = new long[input.size()][];
        for (int r = 0; r < m.length; r++) {
            m[r] = new long[vars];
            for (int c = 0; c < vars; c++) {
                m[r][c] = Math.floorMod(input.get(r)[c], P);
            }
        }
        int rank = 0;
        for (int c = 0; c < vars && rank < m.length; c++) {
            int pivot = -1;
            for (int r = rank; r < m.length; r++) {
                if (m[r][c] != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            long[] swap = m[pivot];
            m[pivot] = m[rank];
            m[rank] = swap;
            long inv = inverse(m[rank][c]);
            for (int r = 0; r < m.length; r++) {
                if (r != rank && m[r][c] != 0) {
                    long f = m[r][c] * inv % P;
                    for (int k = c; k < vars; k++) {
                        m[r][k] = Math.floorMod(m[r][k] - f * m[rank][k] % P, P);
                    }
                }
            }
            rank++;
        }
        return rank;
    }

    private static long inverse(long a) {
        long result = 1;
        long base = a % P;
        long e = P - 2;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = result * base % P;
            }
            base = base * base % P;
            e >>= 1;
        }
        return result;
    }
}
