package org.attain.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.engine.testing.Scenarios;
import org.junit.jupiter.api.Test;

/** The edges of pod pay: joining mid-period without proration, being in no pod, a pod with no or a zero quota. */
class PodQuotaTest {

    private static final String PEOPLE_AND_PLAN = """
            periods: [2026-Q1]
            people:
              - {id: a, start: 2025-01-01}
              - {id: b, start: 2025-01-01}
              - {id: loner, start: 2025-01-01}
            plan:
              id: pod
              frequency: quarter
              components:
                - {id: pod_rate, kind: rate, rate: "0.10", attainment: pod}
                - {id: pod_tiers, kind: tiered, attainment: pod, tiers: [{from: "0", to: "1", rate: "0.01"}, {from: "1", rate: "0.03"}]}
            transactions:
              - {id: T1, owner: a, close: 2026-01-15, amount: "1000.00"}
              - {id: T2, owner: b, close: 2026-02-01, amount: "500.00"}
              - {id: T3, owner: b, close: 2026-03-01, amount: "2000.00"}
              - {id: T4, owner: loner, close: 2026-03-01, amount: "9000.00"}
            """;

    private static PayeePeriodResult statement(CalculationResult result, String person) {
        return result.statement(person, "2026-Q1").orElseThrow();
    }

    @Test
    void aMemberWhoJoinsMidPeriodWithoutProrationEarnsTheFullPodAmount() {
        CalculationResult result = Scenarios.run(PEOPLE_AND_PLAN + """
                team_memberships:
                  - {person: a, team: p, from: 2025-01-01}
                  - {person: b, team: p, from: 2026-02-15}
                team_quotas:
                  - {team: p, period: 2026-Q1, amount: "2500.00"}
                """);
        // T2 closed before b joined, so the pod has T1 + T3 = 3,000 of 2,500: 120.00%.
        for (String member : new String[] {"a", "b"}) {
            PayeePeriodResult s = statement(result, member);
            assertThat(s.amountOf("pod_rate").amount()).isEqualByComparingTo("300.00");
            // marginal: 2,500 x 1% + 500 x 3% = 40.00
            assertThat(s.amountOf("pod_tiers").amount()).isEqualByComparingTo("40.00");
            assertThat(s.line("pod_tiers").orElseThrow().trace().render(""))
                    .contains("pod p: credited 3000.00 of quota 2500.00 = 120.00% attainment");
        }
        assertThat(result.issues()).anyMatch(i -> i.contains("loner") && i.contains("in no pod"));
        assertThat(statement(result, "loner").amountOf("pod_rate").amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void aPodWithoutAQuotaPaysNothingOnAttainmentAndSaysWhy() {
        CalculationResult result = Scenarios.run(PEOPLE_AND_PLAN + """
                team_memberships:
                  - {person: a, team: p, from: 2025-01-01}
                """);
        PayeePeriodResult a = statement(result, "a");
        assertThat(a.amountOf("pod_tiers").amount()).isEqualByComparingTo("0.00");
        assertThat(a.line("pod_tiers").orElseThrow().trace().render("")).contains("no pod quota for 2026-Q1");
        // A rate on the pod's bookings needs no attainment: 1,000 x 10%.
        assertThat(a.amountOf("pod_rate").amount()).isEqualByComparingTo("100.00");
        assertThat(result.issues())
                .contains(
                        "pod p has no quota for 2026-Q1 (measure bookings): pod_tiers on pod attainment pays 0 to its members");
    }

    @Test
    void aZeroPodQuotaIsReportedAsSuch() {
        CalculationResult result = Scenarios.run(PEOPLE_AND_PLAN + """
                teams: [{id: p, name: Pod P, members: [{person: a}]}]
                team_quotas:
                  - {team: p, period: 2026-Q1, amount: "0"}
                """);
        assertThat(statement(result, "a").amountOf("pod_tiers").amount()).isEqualByComparingTo("0.00");
        assertThat(result.issues())
                .contains(
                        "pod Pod P has a zero quota for 2026-Q1 (measure bookings): pod_tiers on pod attainment pays 0 to its members");
    }

    @Test
    void aPlanWithoutPodsIgnoresMembershipsAndALoaderNeedNotWidenItsReach() {
        var input = Scenarios.input("""
                periods: [2026-Q1]
                people: [{id: a, start: 2025-01-01}, {id: b, start: 2025-01-01}]
                team_memberships: [{person: a, team: p}, {person: b, team: p}]
                plan: {id: own, components: [{id: c, kind: rate, rate: "0.10"}]}
                transactions: [{id: T1, owner: b, close: 2026-01-15, amount: "1000.00"}]
                """);
        assertThat(input.podMates(
                        java.util.Set.of(org.attain.engine.model.PersonId.of("a")),
                        org.attain.engine.time.DateRange.always()))
                .isEmpty();
        assertThat(new Engine()
                        .calculate(input)
                        .statement("a", "2026-Q1")
                        .orElseThrow()
                        .earnings()
                        .amount())
                .isEqualByComparingTo("0.00");
    }

    @Test
    void aPodMatesCancelledDealIsClawedBackFromEveryMember() {
        CalculationResult result = Scenarios.run("""
                periods: [2026-Q1, 2026-Q2]
                people: [{id: a, start: 2025-01-01}, {id: b, start: 2025-01-01}]
                team_memberships: [{person: a, team: p}, {person: b, team: p}]
                team_quotas: [{team: p, period: 2026-Q1, amount: "1000.00"}, {team: p, period: 2026-Q2, amount: "1000.00"}]
                plan:
                  id: pod
                  frequency: quarter
                  clawback: {window_days: 90, share: "1.00"}
                  components: [{id: pod_rate, kind: rate, rate: "0.10", attainment: pod}]
                transactions: [{id: T1, owner: b, close: 2026-03-01, amount: "1000.00"}]
                events: [{transaction: T1, kind: cancelled, on: 2026-04-10}]
                """);
        for (String member : new String[] {"a", "b"}) {
            assertThat(result.statement(member, "2026-Q1")
                            .orElseThrow()
                            .amountOf("pod_rate")
                            .amount())
                    .isEqualByComparingTo("100.00");
            assertThat(result.statement(member, "2026-Q2")
                            .orElseThrow()
                            .amountOf("clawback")
                            .amount())
                    .isEqualByComparingTo("-100.00");
        }
    }

    @Test
    void overlappingMembershipsOfOnePersonAreRefusedWithTheLine() {
        var parse = new org.attain.engine.scenario.ScenarioReader(Scenarios.compiler()).read("s.yaml", """
                periods: [2026-Q1]
                people: [{id: a}]
                team_memberships:
                  - {person: a, team: p, from: 2026-01-01}
                  - {person: a, team: q, from: 2026-02-01}
                plan: {id: own, components: [{id: c, kind: rate, rate: "0.10"}]}
                """, null);
        assertThat(parse.problems())
                .extracting(Object::toString)
                .containsExactly(
                        "s.yaml:5:5: a is already in team 'p' during 2026-02-01..; a person is in one pod at a time");
    }
}
