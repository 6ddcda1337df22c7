package org.attain.engine.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.TierKernel;
import org.attain.engine.credit.Credit;
import org.attain.engine.model.Person;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.model.Proration;
import org.attain.engine.model.Quota;
import org.attain.engine.model.TeamId;
import org.attain.engine.model.TeamMembership;
import org.attain.engine.model.TeamQuota;
import org.attain.engine.model.Transaction;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.plan.TierMode;
import org.attain.engine.plan.TieredComponent;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The marginal three-tier quarterly plan (5% to 50%, 8% to 100%, 12% above). Scores are transactions per
 * second on one thread: {@code kernel} walks one payee-quarter's credits through the tiers producing an
 * explained line per transaction; {@code engine} runs the whole pure engine (crediting, measures, quota,
 * components, traces, ledger) for 200 payees x 500 deals.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TierKernelBenchmark {

    static final int CREDITS_PER_PAYEE = 1_000;
    static final int PAYEES = 200;
    static final int DEALS_PER_PAYEE = 500;

    private static final String PLAN = """
            id: ae-marginal
            currency: USD
            frequency: quarter
            components:
              - id: commission
                kind: tiered
                tier_mode: marginal
                tiers_on: attainment
                tiers:
                  - {from: "0.00", to: "0.50", rate: "0.05"}
                  - {from: "0.50", to: "1.00", rate: "0.08"}
                  - {from: "1.00", rate: "0.12"}
            """;

    // The same payees in pods of 10, each also paid 1% (2% above 100%) on the pod's bookings.
    private static final String POD_PLAN = PLAN.replace("id: ae-marginal", "id: ae-pod") + """
              - id: pod_commission
                kind: tiered
                attainment: pod
                tiers:
                  - {from: "0.00", to: "1.00", rate: "0.01"}
                  - {from: "1.00", rate: "0.02"}
            """;

    private TierKernel kernel;
    private List<Credit> credits;
    private CalculationInput input;
    private CalculationInput podInput;
    private final Engine engine = new Engine();

    @Setup
    public void setUp() {
        CompiledPlan plan = new PlanCompiler().compile("bench.yaml", PLAN).orThrow();
        TieredComponent tiered = (TieredComponent) plan.components().get(0);
        CurrencyUnit usd = CurrencyUnit.of("USD");
        SplittableRandom random = new SplittableRandom(42);
        LocalDate start = LocalDate.of(2026, 1, 1);
        credits = new ArrayList<>();
        for (int i = 0; i < CREDITS_PER_PAYEE; i++) {
            Money amount = new Money(BigDecimal.valueOf(random.nextLong(100_00, 5_000_00), 2), usd);
            Transaction t = Transaction.won("D" + i, "ae", start.plusDays(i % 90), amount);
            credits.add(new Credit(t, "self", PersonId.of("ae"), BigDecimal.ONE, BigDecimal.ONE, amount));
        }
        // Quota so that a payee-quarter crosses every tier: average deal 2,550 x 1,000 = about 2.5M.
        kernel = new TierKernel(tiered.table(), TierMode.MARGINAL, new BigDecimal("2000000.00"));

        CalculationInput.Builder b = CalculationInput.builder().plan(plan).period(PeriodId.parse("2026-Q1"));
        for (int p = 0; p < PAYEES; p++) {
            PersonId id = PersonId.of("ae" + p);
            b.person(new Person(id, null, "AE", DateRange.from(LocalDate.of(2020, 1, 1)), Map.of()));
            b.assignment(new PlanAssignment(id, plan.id(), DateRange.always()));
            b.quota(new Quota(id, PeriodId.parse("2026-Q1"), null, Money.of("1000000.00", "USD"), Proration.NONE));
            for (int d = 0; d < DEALS_PER_PAYEE; d++) {
                Money amount = new Money(BigDecimal.valueOf(random.nextLong(100_00, 5_000_00), 2), usd);
                b.transaction(Transaction.won("T" + p + "-" + d, id.value(), start.plusDays(d % 90), amount));
            }
        }
        input = b.build();

        CompiledPlan podPlan =
                new PlanCompiler().compile("bench-pod.yaml", POD_PLAN).orThrow();
        CalculationInput.Builder pb = CalculationInput.builder()
                .plan(podPlan)
                .period(PeriodId.parse("2026-Q1"))
                .transactions(input.transactions());
        input.people().forEach(pb::person);
        input.quotas().forEach(pb::quota);
        for (int p = 0; p < PAYEES; p++) {
            PersonId id = PersonId.of("ae" + p);
            TeamId pod = TeamId.of("pod" + p / 10);
            pb.assignment(new PlanAssignment(id, podPlan.id(), DateRange.always()));
            pb.teamMembership(new TeamMembership(id, pod, DateRange.from(LocalDate.of(2020, 1, 1))));
            if (p % 10 == 0) {
                pb.teamQuota(new TeamQuota(pod, PeriodId.parse("2026-Q1"), null, Money.of("10000000.00", "USD")));
            }
        }
        podInput = pb.build();
    }

    @Benchmark
    @OperationsPerInvocation(CREDITS_PER_PAYEE)
    public TierKernel.Walk kernel() {
        return kernel.walk(credits, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Benchmark
    @OperationsPerInvocation(PAYEES * DEALS_PER_PAYEE)
    public CalculationResult engine() {
        return engine.calculate(input);
    }

    /** The whole engine when every payee is also paid on a pod of 10 (each member reads the pod's 5,000 deals). */
    @Benchmark
    @OperationsPerInvocation(PAYEES * DEALS_PER_PAYEE)
    public CalculationResult enginePods() {
        return engine.calculate(podInput);
    }

    /** Runs only the kernel benchmark: {@code java -cp ... org.attain.engine.bench.TierKernelBenchmark}. */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {TierKernelBenchmark.class.getName()});
    }
}
