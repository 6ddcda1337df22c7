package org.attain.calc;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.model.Person;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.model.Quota;
import org.attain.engine.model.Transaction;
import org.attain.engine.money.Money;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.FiscalCalendar;
import org.attain.engine.time.PeriodId;
import org.attain.plan.PlanTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Compiles the calculation before the first run needs it. A server's first full run used to take half
 * again as long as its later ones (21 s instead of 15 s at ten million deals): the JIT compiler compiled
 * the engine, the packing of explained deals and the fingerprints during that run, on the same two cores.
 * Once the server is up, a background thread at the lowest priority computes and packs an invented
 * company of {@value #PAYEES} payees (the account-executive plan's quarterly tiers, two years of deals)
 * a few times, in memory only: nothing is read from or written to the database, and no person, result or
 * number of the real company is touched. The CLI ({@code attain.headless}) and tests
 * ({@code attain.calc.warm-up=false}) skip it.
 */
@Component
class CalcWarmUp {

    private static final Logger log = LoggerFactory.getLogger(CalcWarmUp.class);
    private static final int PAYEES = 100;
    private static final int DEALS_PER_PAYEE = 300;
    private static final int ROUNDS = 10;
    private static final long MAX_NANOS = 30_000_000_000L;

    private final boolean enabled;
    private final Clock clock;
    private final ResultWriter writer;
    /** Rounds done and lines computed, for tests and the log. */
    volatile int rounds;

    volatile long lines;

    CalcWarmUp(
            @Value("${attain.calc.warm-up:true}") boolean warmUp,
            @Value("${attain.headless:false}") boolean headless,
            Clock clock,
            ResultWriter writer) {
        this.enabled = warmUp && !headless;
        this.clock = clock;
        this.writer = writer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        if (!enabled) {
            return;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        run(ROUNDS);
                    } catch (RuntimeException e) {
                        // Only speed is at stake: the first run compiles what this did not.
                        log.info("Warming up the calculation stopped: {}", e.toString());
                    }
                },
                "attain-calc-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Computes and packs the invented company up to {@code times} times (at most 30 seconds); returns the rounds done. */
    int run(int times) {
        long start = System.nanoTime();
        CalculationInput base = company(LocalDate.now(clock));
        Engine engine = new Engine();
        Engine.Prepared prepared = engine.prepare(base);
        List<PersonId> payees = new ArrayList<>(base.payees());
        List<Transaction> deals = base.transactions();
        for (int round = 0; round < times && System.nanoTime() - start < MAX_NANOS; round++) {
            // Five payees at a time, as a run's chunk computes and packs them.
            for (int from = 0; from < payees.size(); from += 5) {
                Set<PersonId> part = Set.copyOf(payees.subList(from, Math.min(payees.size(), from + 5)));
                List<PayeePeriodResult> statements =
                        engine.calculate(prepared, deals, part).statements();
                ResultWriter.Packed packed = new ResultWriter.Packed().add(statements);
                lines += writer.rehearse(packed);
            }
            rounds = round + 1;
        }
        log.info(
                "Calculation warmed up: {} rounds over {} invented payees in {} ms ({} lines)",
                rounds,
                payees.size(),
                (System.nanoTime() - start) / 1_000_000,
                lines);
        return rounds;
    }

    /** The invented company: reps on the account-executive plan with a quota per quarter and deals over two years. */
    private static CalculationInput company(LocalDate today) {
        CompiledPlan plan = new PlanCompiler()
                .compile("warm-up", PlanTemplates.accountExecutive("warm-up", "Warm-up", "USD"))
                .plan()
                .orElseThrow(() -> new IllegalStateException("the account-executive template does not compile"));
        FiscalCalendar calendar = FiscalCalendar.calendarYear();
        int year = today.getYear();
        CalculationInput.Builder in =
                CalculationInput.builder().calendar(calendar).plan(plan);
        List<PeriodId> quarters = new ArrayList<>();
        for (int y = year - 1; y <= year; y++) {
            for (int q = 1; q <= 4; q++) {
                quarters.add(PeriodId.quarter(y, q));
                in.period(PeriodId.quarter(y, q));
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        LocalDate first = LocalDate.of(year - 1, 1, 1);
        List<Transaction> deals = new ArrayList<>();
        for (int p = 1; p <= PAYEES; p++) {
            PersonId id = PersonId.of("warm-up-" + p);
            in.person(new Person(id, "Warm-up " + p, "REP", DateRange.always(), Map.of()));
            in.assignment(new PlanAssignment(id, plan.id(), DateRange.always()));
            in.payee(id);
            for (PeriodId quarter : quarters) {
                in.quota(new Quota(id, quarter, "bookings", Money.of(BigDecimal.valueOf(250_000), usd()), null));
            }
            for (int d = 0; d < DEALS_PER_PAYEE; d++) {
                LocalDate close = first.plusDays(random.nextInt(730));
                String amount = random.nextInt(1_000, 60_000) + "." + String.format("%02d", random.nextInt(100));
                deals.add(Transaction.won("warm-up:" + p + "-" + d, id.value(), close, Money.of(amount, "USD")));
            }
        }
        return in.transactions(deals).build();
    }

    private static org.attain.engine.money.CurrencyUnit usd() {
        return org.attain.engine.money.CurrencyUnit.of("USD");
    }
}
