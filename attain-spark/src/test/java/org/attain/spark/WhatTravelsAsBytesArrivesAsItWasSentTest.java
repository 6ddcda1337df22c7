package org.attain.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.calc.Contribution;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.calc.PlanPeriodResult;
import org.attain.engine.calc.TierSlice;
import org.attain.engine.calc.Trace;
import org.attain.engine.calc.TraceStep;
import org.attain.engine.credit.Exclusion;
import org.attain.engine.ledger.LedgerEntry;
import org.attain.engine.ledger.LedgerEntryKind;
import org.attain.engine.ledger.LedgerState;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.model.ReturnOf;
import org.attain.engine.model.Split;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.scenario.ScenarioReader;
import org.attain.engine.territory.TerritoryRole;
import org.attain.engine.territory.ViaTerritory;
import org.attain.engine.time.PeriodId;
import org.junit.jupiter.api.Test;

/**
 * What travels between the driver and an executor as bytes ({@link TaskBytes}) arrives equal to what was sent: every
 * scenario's transactions and statements to the last digit, scale and trace step, a line a plan shares with its
 * statement still one object, and the values scenarios seldom hold (missing fields, decimals past a long, negative
 * scales, territories, held deals, exclusions, issues, payees the engine failed on; attributes of every type, an
 * account's attributes shared by several transactions), and what a group asks its executor to read. The outcomes'
 * bytes are fewer than Java serialization's.
 */
class WhatTravelsAsBytesArrivesAsItWasSentTest {

    @Test
    void everyScenarioComesBackEqualAndSmallerThanJavaSerialization() throws IOException {
        ScenarioReader reader = new ScenarioReader(new PlanCompiler());
        List<Path> files;
        try (var walk = Files.walk(Path.of("..", "scenarios"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        Engine engine = new Engine();
        long ours = 0;
        long java = 0;
        for (Path file : files) {
            CalculationInput input = reader.read(file).scenario().orElseThrow().input();
            Set<PersonId> payees = new TreeSet<>();
            for (PlanAssignment a : input.assignments()) {
                payees.add(a.person());
            }
            CalculationResult r = engine.calculate(engine.prepare(input), input.transactions(), payees);
            GroupOutcome computed =
                    new GroupOutcome(List.copyOf(payees), r.statements(), r.exclusions(), r.issues(), Map.of());
            PayeeGroup group = new PayeeGroup(List.copyOf(payees), input.transactions());
            assertThat(TaskBytes.group(TaskBytes.encode(group)))
                    .as(file.toString())
                    .isEqualTo(group);
            byte[] bytes = TaskBytes.encode(computed);
            GroupOutcome back = TaskBytes.outcome(bytes);
            assertThat(back).as(file.toString()).isEqualTo(computed);
            for (int i = 0; i < computed.statements().size(); i++) {
                assertSameSharing(
                        computed.statements().get(i), back.statements().get(i));
            }
            ours += bytes.length;
            java += javaSerialized(computed);
        }
        assertThat(ours).isLessThan(java);
    }

    @Test
    void rareValuesComeBackEqual() {
        CurrencyUnit eur = CurrencyUnit.of("EUR");
        CurrencyUnit jpy = CurrencyUnit.of("JPY");
        TransactionId d1 = TransactionId.of("D-1 «ü»");
        TransactionId d2 = TransactionId.of("D2");
        Contribution plain = new Contribution(
                d1, LocalDate.of(1969, 12, 31), null, null, null, null, null, null, null, new BigDecimal("0"));
        Contribution full = new Contribution(
                d2,
                LocalDate.of(2026, 2, 28),
                "split",
                PersonId.of("p2"),
                new BigDecimal("0.333333333333333333333333333333"),
                new Money(new BigDecimal("123456789012345678901234567890.12345"), eur),
                new BigDecimal("1E+3"),
                new Money(new BigDecimal("-5.5"), eur),
                List.of(
                        new TierSlice(
                                1, "[0, 100)", new BigDecimal("100"), new BigDecimal("0.05"), new BigDecimal("5.00")),
                        new TierSlice(-2, null, BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("-0E-7"))),
                new BigDecimal(Long.MIN_VALUE + "." + Long.MAX_VALUE),
                new ViaTerritory("NORDICS", null, TerritoryRole.OVERLAY));
        EarningsLine shared = new EarningsLine(
                "c1",
                "commission",
                "plan-a",
                new Money(new BigDecimal("5.00"), eur),
                new Money(new BigDecimal("7.50"), eur),
                List.of(d2, d1),
                null,
                new Trace(
                        List.of(
                                new TraceStep("cap", "7.50 > 5.00", "trace.cap", List.of("7.50", "5.00")),
                                new TraceStep("rounding", "")),
                        List.of(full, plain)));
        EarningsLine own = new EarningsLine(
                "adjustment",
                "manual_adjustment",
                null,
                new Money(new BigDecimal("-1"), jpy),
                null,
                List.of(),
                PeriodId.quarter(2025, 4),
                null);
        PlanPeriodResult plan = new PlanPeriodResult(
                "plan-a",
                Map.of("bookings", new Money(new BigDecimal("100"), eur)),
                null,
                null,
                null,
                List.of(shared),
                Map.of(d2, new BigDecimal("5.000000")));
        PayeePeriodResult statement = new PayeePeriodResult(
                PersonId.of("p1"),
                PeriodId.year(2026),
                true,
                List.of(plan),
                List.of(shared, own),
                List.of(
                        new LedgerEntry(
                                LedgerEntryKind.HOLDBACK_WITHHELD, new Money(new BigDecimal("-2.50"), eur), d2, null),
                        new LedgerEntry(LedgerEntryKind.PAYOUT, new Money(new BigDecimal("2.50"), eur), null, "paid")),
                new LedgerState(
                        Money.zero(eur),
                        new Money(new BigDecimal("10"), eur),
                        Map.of(d2, new Money(new BigDecimal("2.50"), eur))),
                new Money(new BigDecimal("2.50"), eur));
        PayeePeriodResult bare = new PayeePeriodResult(
                PersonId.of("p1"),
                PeriodId.month(2026, 1),
                false,
                List.of(),
                List.of(),
                List.of(),
                null,
                Money.zero(eur));
        GroupOutcome computed = new GroupOutcome(
                List.of(PersonId.of("p1"), PersonId.of("p3")),
                List.of(bare, statement),
                List.of(new Exclusion(d1, "no owner"), new Exclusion(TransactionId.of("D3"), "no owner")),
                List.of("plan-b is unknown", ""),
                Map.of("p3", "division by zero", "p4", "D2"));

        GroupOutcome back = TaskBytes.outcome(TaskBytes.encode(computed));

        assertThat(back).isEqualTo(computed);
        assertThat(back.statements().get(1).lines().get(1).trace()).isNull();
        assertThat(back.statements()
                        .get(1)
                        .lines()
                        .get(0)
                        .trace()
                        .contributions()
                        .get(0)
                        .share())
                .hasToString("0.333333333333333333333333333333");
        assertSameSharing(statement, back.statements().get(1));
        assertThat(TaskBytes.outcome(
                        TaskBytes.encode(new GroupOutcome(List.of(), List.of(), List.of(), List.of(), Map.of()))))
                .isEqualTo(new GroupOutcome(List.of(), List.of(), List.of(), List.of(), Map.of()));
    }

    @Test
    void transactionsOfEveryShapeArriveEqual() {
        CurrencyUnit eur = CurrencyUnit.of("EUR");
        Map<String, Object> account = Map.of(
                "region",
                "Nordics",
                "employees",
                1200L,
                "rank",
                3,
                "strategic",
                true,
                "since",
                LocalDate.of(2019, 4, 1),
                "score",
                0.1,
                "revenue",
                new BigDecimal("1.50E+7"),
                "tags",
                List.of("a", "b"));
        Transaction won =
                Transaction.won("D1", "p1", LocalDate.of(2026, 3, 31), new Money(new BigDecimal("100.10"), eur));
        Transaction split = new Transaction(
                TransactionId.of("D2"),
                null,
                List.of(
                        new Split(PersonId.of("p1"), new BigDecimal("0.6"), false),
                        new Split(PersonId.of("p2"), new BigDecimal("0.40"), false),
                        new Split(PersonId.of("p9"), BigDecimal.ONE, true)),
                LocalDate.of(2026, 3, 1),
                new Money(new BigDecimal("-20"), eur),
                "booked",
                "renewal",
                "suite",
                account,
                Map.of("term_months", 24L, "margin", new BigDecimal("0.25"), "note", "ü", "closed", false),
                LocalDate.of(2026, 4, 2),
                new ReturnOf("Reversal", TransactionId.of("D1")));
        Transaction sameAccount = new Transaction(
                TransactionId.of("D3"),
                PersonId.of("p2"),
                List.of(),
                LocalDate.of(2026, 3, 2),
                Money.zero(eur),
                null,
                null,
                null,
                account,
                Map.of(),
                null);
        PayeeGroup group =
                new PayeeGroup(List.of(PersonId.of("p1"), PersonId.of("p2")), List.of(won, split, sameAccount));

        PayeeGroup back = TaskBytes.group(TaskBytes.encode(group));

        assertThat(back).isEqualTo(group);
        Map<String, Object> arrived = back.transactions().get(1).account();
        account.forEach((k, v) ->
                assertThat(arrived.get(k)).as(k).isInstanceOf(v.getClass()).isEqualTo(v));
        assertThat(back.transactions().get(2).account()).isSameAs(arrived);
        assertThat(TaskBytes.group(TaskBytes.encode(new PayeeGroup(List.of(PersonId.of("p1")), null)))
                        .transactions())
                .isNull();
    }

    @Test
    void whatAnExecutorIsToReadArrivesAsItWasSent() {
        List<PersonId> payees = List.of(PersonId.of("7"), PersonId.of("8"));
        PayeeGroup byPeople =
                new PayeeGroup(payees, null, new PayeeGroup.Reach(Set.of(7L, 8L, 300_000_000_000L), Set.of()));
        PayeeGroup byAccounts = new PayeeGroup(payees, null, new PayeeGroup.Reach(Set.of(7L), Set.of(1L, 129L)));
        PayeeGroup everything = new PayeeGroup(payees, null, PayeeGroup.Reach.everything());

        for (PayeeGroup group : List.of(byPeople, byAccounts, everything)) {
            PayeeGroup back = TaskBytes.group(TaskBytes.encode(group));
            assertThat(back).isEqualTo(group);
            assertThat(back.transactions()).isNull();
        }
        assertThat(TaskBytes.group(TaskBytes.encode(everything)).reach().people())
                .isNull();
        assertThat(TaskBytes.group(TaskBytes.encode(new PayeeGroup(payees, null)))
                        .reach())
                .isNull();
    }

    /** A plan's line that is one of its statement's lines (the same object) is so after the trip too. */
    private static void assertSameSharing(PayeePeriodResult computed, PayeePeriodResult back) {
        for (int p = 0; p < computed.plans().size(); p++) {
            List<EarningsLine> planLines = computed.plans().get(p).lines();
            for (int l = 0; l < planLines.size(); l++) {
                for (int k = 0; k < computed.lines().size(); k++) {
                    if (computed.lines().get(k) == planLines.get(l)) {
                        assertThat(back.plans().get(p).lines().get(l))
                                .isSameAs(back.lines().get(k));
                    }
                }
            }
        }
    }

    private static long javaSerialized(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.size();
    }
}
