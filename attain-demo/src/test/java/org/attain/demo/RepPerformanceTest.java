package org.attain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepPerformanceTest {

    private final DemoCompany company = DemoFixtures.defaultCompany();

    @Test
    void repsWithMoreActivityWinMoreDeals() {
        Map<String, Integer> activities = new HashMap<>();
        company.forEachActivity(a -> activities.merge(a.personId(), 1, Integer::sum));
        Map<String, Integer> wins = new HashMap<>();
        DemoFixtures.transactions(company).stream()
                .filter(t -> t.kind() == TransactionKind.DEAL)
                .forEach(t -> wins.merge(t.ownerId(), 1, Integer::sum));
        List<String> reps = company.people().stream()
                .filter(p -> p.roleType() == RoleType.REP
                        && p.employmentEnd() == null
                        && p.employmentStart().isBefore(company.parameters().historyStart()))
                .map(Person::externalId)
                .toList();

        double[] x =
                reps.stream().mapToDouble(id -> activities.getOrDefault(id, 0)).toArray();
        double[] y = reps.stream().mapToDouble(id -> wins.getOrDefault(id, 0)).toArray();

        assertThat(correlation(x, y)).isGreaterThan(0.4);
    }

    @Test
    void theDemoLoadsQuicklyWithAModerateNumberOfActivities() {
        long[] count = {0};
        company.forEachActivity(a -> count[0]++);

        assertThat(count[0]).isBetween(50_000L, 100_000L);
    }

    @Test
    void thereAreStarsAndStrugglersWithinASegment() {
        Map<String, Integer> wins = new HashMap<>();
        DemoFixtures.transactions(company).stream()
                .filter(t -> t.kind() == TransactionKind.DEAL)
                .forEach(t -> wins.merge(t.ownerId(), 1, Integer::sum));
        List<Integer> commercialWins = company.people().stream()
                .filter(p -> p.title().equals("Commercial Account Executive")
                        && p.employmentEnd() == null
                        && p.employmentStart().isBefore(company.parameters().historyStart()))
                .map(p -> wins.getOrDefault(p.externalId(), 0))
                .sorted()
                .toList();

        assertThat(commercialWins.get(commercialWins.size() - 1)).isGreaterThan(2 * commercialWins.get(0));
    }

    private static double correlation(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
