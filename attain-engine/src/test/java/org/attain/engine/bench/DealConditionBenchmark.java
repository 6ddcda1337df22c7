package org.attain.engine.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.attain.engine.cel.DealCondition;
import org.attain.engine.credit.DealFacts;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.plan.PerDealComponent;
import org.attain.engine.plan.PlanCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A deal condition as crediting evaluates it: the deal's facts built (standard fields plus custom
 * attributes, here exact numbers as an import gives them) and the compiled CEL program run over them.
 * Guards the evaluation cost when the plan language's checks change (they are compile-time only).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DealConditionBenchmark {

    static final int DEALS = 1_000;

    private static final String PLAN = """
            id: spiff
            currency: USD
            components:
              - {id: spiff, kind: per_deal_amount, amount: "250.00", when: "deal.type == 'new_logo' && deal.term_months >= 24"}
            """;

    /** How the deals' numeric attribute arrives: "long" as a scenario's YAML gives it, "exact" as an import's JSON. */
    @Param({"long", "exact"})
    public String numbers;

    private DealCondition condition;
    private List<Transaction> deals;
    private final Map<String, Object> account = Map.of("region", "NA");
    private final Map<String, Object> person = Map.of("id", "ae", "role", "AE");

    @Setup
    public void setUp() {
        condition = ((PerDealComponent) new PlanCompiler()
                        .compile("bench.yaml", PLAN)
                        .orThrow()
                        .components()
                        .get(0))
                .when();
        deals = new ArrayList<>();
        String[] types = {"new_logo", "expansion", "renewal"};
        for (int i = 0; i < DEALS; i++) {
            deals.add(new Transaction(
                    TransactionId.of("D" + i),
                    PersonId.of("ae"),
                    List.of(),
                    LocalDate.of(2026, 1, 1 + i % 28),
                    Money.of("1000.00", "USD"),
                    "won",
                    types[i % 3],
                    "P1",
                    account,
                    Map.of("term_months", term(12L * (1 + i % 4)), "segment", "smb"),
                    null));
        }
    }

    private Object term(long months) {
        return numbers.equals("exact") ? (Object) BigDecimal.valueOf(months) : (Object) months;
    }

    @Benchmark
    @OperationsPerInvocation(DEALS)
    public int evaluate() {
        int matched = 0;
        for (Transaction t : deals) {
            if (condition.test(DealFacts.of(t), t.account(), person)) {
                matched++;
            }
        }
        return matched;
    }

    /** Runs only this benchmark: {@code java -cp ... org.attain.engine.bench.DealConditionBenchmark}. */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {DealConditionBenchmark.class.getName()});
    }
}
