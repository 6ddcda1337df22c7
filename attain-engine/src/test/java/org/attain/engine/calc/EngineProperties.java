package org.attain.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.attain.engine.model.Person;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.model.Proration;
import org.attain.engine.model.Quota;
import org.attain.engine.model.Split;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;

/** Properties the engine keeps for any bookings, splits and order. Amounts are whole cents, never doubles. */
class EngineProperties {

    private static final PlanCompiler COMPILER = new PlanCompiler();
    private static final PeriodId Q1 = PeriodId.parse("2026-Q1");
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final CompiledPlan FLAT = plan("""
            id: flat
            currency: USD
            components: [{id: commission, kind: rate, rate: "0.10"}]
            """);
    private static final CompiledPlan MARGINAL_CAPPED = plan("""
            id: marginal
            currency: USD
            components:
              - id: commission
                kind: tiered
                tiers: [{from: "0.00", to: "0.50", rate: "0.05"}, {from: "0.50", to: "1.00", rate: "0.08"}, {from: "1.00", rate: "0.12"}]
                cap_per_period: "8000.00"
            """);

    private static CompiledPlan plan(String yaml) {
        return COMPILER.compile("property.yaml", yaml).orThrow();
    }

    private static Money usd(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2), org.attain.engine.money.CurrencyUnit.of("USD"));
    }

    private static CalculationInput.Builder input(CompiledPlan plan, int people) {
        CalculationInput.Builder b = CalculationInput.builder().plan(plan).period(Q1);
        for (int i = 0; i < people; i++) {
            PersonId id = PersonId.of("p" + i);
            b.person(new Person(id, null, "AE", DateRange.from(LocalDate.of(2020, 1, 1)), null));
            b.assignment(new PlanAssignment(id, plan.id(), DateRange.always()));
            b.quota(new Quota(id, Q1, null, usd(10_000_000), Proration.NONE));
        }
        return b;
    }

    private static Transaction deal(String id, String owner, int day, long cents) {
        return Transaction.won(id, owner, JAN_1.plusDays(day), usd(cents));
    }

    @Property(tries = 100)
    void splitCreditAddsUpToTheDeal(
            @ForAll @LongRange(min = 1, max = 100_000_000) long cents,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 50) Integer> weights) {
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        List<Split> splits = new ArrayList<>();
        int given = 0;
        for (int i = 0; i < weights.size(); i++) {
            // Shares in hundredths that add up to exactly 100, the last one taking the remainder.
            int share = i == weights.size() - 1 ? 100 - given : weights.get(i) * 100 / total;
            given += share;
            splits.add(new Split(PersonId.of("p" + i), BigDecimal.valueOf(share, 2), false));
        }
        Transaction t = new Transaction(
                TransactionId.of("D"),
                null,
                splits,
                JAN_1.plusDays(10),
                usd(cents),
                "won",
                null,
                null,
                null,
                null,
                null);
        CalculationResult result = new Engine()
                .calculate(input(FLAT, weights.size()).transaction(t).build());
        Money credited = usd(0);
        for (PayeePeriodResult s : result.statements()) {
            credited = credited.plus(s.plans().get(0).measures().get("bookings"));
        }
        assertThat(result.exclusions()).isEmpty();
        assertThat(credited.amount()).isEqualByComparingTo(usd(cents).amount());
    }

    @Property(tries = 200)
    void marginalEarningsNeverFallAsBookingsGrow(
            @ForAll @LongRange(min = 0, max = 50_000_000) long smaller,
            @ForAll @LongRange(min = 0, max = 50_000_000) long more) {
        CompiledPlan uncapped = plan("""
                id: m
                currency: USD
                components:
                  - id: commission
                    kind: tiered
                    tiers: [{from: "0.00", to: "0.50", rate: "0.05"}, {from: "0.50", to: "1.00", rate: "0.08"}, {from: "1.00", rate: "0.12"}]
                """);
        Money a = commission(uncapped, List.of(deal("D1", "p0", 5, smaller)));
        Money b = commission(uncapped, List.of(deal("D1", "p0", 5, smaller), deal("D2", "p0", 6, more)));
        assertThat(b.compareTo(a)).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 200)
    void aCappedComponentNeverPaysMoreThanItsCap(@ForAll("bookings") List<Long> amounts) {
        List<Transaction> deals = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            deals.add(deal("D" + i, "p0", i % 80, amounts.get(i)));
        }
        assertThat(commission(MARGINAL_CAPPED, deals).amount()).isLessThanOrEqualTo(new BigDecimal("8000.00"));
    }

    @Property(tries = 100)
    void theOrderOfTransactionsDoesNotChangeAnyTotal(@ForAll("bookings") List<Long> amounts, @ForAll long seed) {
        List<Transaction> deals = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            deals.add(deal("D" + i, "p" + (i % 3), i % 80, amounts.get(i)));
        }
        List<Transaction> shuffled = new ArrayList<>(deals);
        Collections.shuffle(shuffled, new Random(seed));
        CalculationResult inOrder = new Engine()
                .calculate(input(MARGINAL_CAPPED, 3).transactions(deals).build());
        CalculationResult reordered = new Engine()
                .calculate(input(MARGINAL_CAPPED, 3).transactions(shuffled).build());
        assertThat(reordered.statements()).isEqualTo(inOrder.statements());
    }

    @Property(tries = 50)
    void recalculatingChangesNothing(@ForAll("bookings") List<Long> amounts) {
        List<Transaction> deals = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            deals.add(deal("D" + i, "p" + (i % 2), i % 80, amounts.get(i)));
        }
        CalculationInput in = input(MARGINAL_CAPPED, 2).transactions(deals).build();
        Engine engine = new Engine();
        assertThat(engine.calculate(in)).isEqualTo(engine.calculate(in));
    }

    @Property(tries = 100)
    void aRunComputedInChunksOfPayeesEqualsTheWholeRun(
            @ForAll("bookings") List<Long> amounts, @ForAll @IntRange(min = 1, max = 4) int chunkSize) {
        List<Transaction> deals = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            // Every fifth deal split between two payees, so a deal credits people in different chunks.
            Transaction deal = deal("D" + i, "p" + (i % 5), i % 80, amounts.get(i));
            deals.add(
                    i % 5 != 0
                            ? deal
                            : new Transaction(
                                    deal.id(),
                                    null,
                                    List.of(
                                            new Split(PersonId.of("p" + (i % 5)), new BigDecimal("0.60"), false),
                                            new Split(PersonId.of("p" + ((i + 1) % 5)), new BigDecimal("0.40"), false)),
                                    deal.closeDate(),
                                    deal.amount(),
                                    "won",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null));
        }
        CalculationInput whole = input(MARGINAL_CAPPED, 5).transactions(deals).build();
        Engine engine = new Engine();
        CalculationResult expected = engine.calculate(whole);
        Engine.Prepared run = engine.prepare(input(MARGINAL_CAPPED, 5).build());
        List<PayeePeriodResult> chunked = new ArrayList<>();
        for (int from = 0; from < 5; from += chunkSize) {
            java.util.Set<PersonId> payees = new java.util.HashSet<>();
            for (int p = from; p < Math.min(5, from + chunkSize); p++) {
                payees.add(PersonId.of("p" + p));
            }
            chunked.addAll(engine.calculate(run, deals, payees).statements());
        }
        assertThat(chunked).containsExactlyInAnyOrderElementsOf(expected.statements());
    }

    @Provide
    Arbitrary<List<Long>> bookings() {
        return Arbitraries.longs()
                .between(-2_000_000, 9_000_000)
                .list()
                .ofMinSize(0)
                .ofMaxSize(40);
    }

    private static Money commission(CompiledPlan plan, List<Transaction> deals) {
        CalculationResult result =
                new Engine().calculate(input(plan, 1).transactions(deals).build());
        return result.statement(PersonId.of("p0"), Q1).orElseThrow().amountOf("commission");
    }
}
