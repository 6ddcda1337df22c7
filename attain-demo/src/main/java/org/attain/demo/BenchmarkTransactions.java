package org.attain.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmark mode: exactly the requested number of won deals, each on a rep while employed, a day
 * inside the history, an account of the rep's book, in the region's currency. No pipeline and no
 * activities: the point is volume, generated at millions of rows a second with constant memory.
 */
final class BenchmarkTransactions {

    private record Tenure(Seat seat, Seat.Occupancy rep, long firstDay, long days) {}

    private final DemoParameters parameters;
    private final List<Account> accounts;
    private final List<Tenure> tenures = new ArrayList<>();

    BenchmarkTransactions(DemoParameters parameters, Organisation org, List<Account> accounts) {
        this.parameters = parameters;
        this.accounts = accounts;
        long historyFirst = parameters.historyStart().toEpochDay();
        long historyLast = parameters.asOf().toEpochDay();
        for (Seat seat : org.seats()) {
            for (Seat.Occupancy rep : seat.occupants) {
                long first = Math.max(historyFirst, rep.from().toEpochDay());
                long last = rep.until() == null
                        ? historyLast
                        : Math.min(historyLast, rep.until().toEpochDay() - 1);
                if (first <= last) {
                    tenures.add(new Tenure(seat, rep, first, last - first + 1));
                }
            }
        }
    }

    void run(DemoSink sink) {
        long count = parameters.transactions().orElse(0);
        if (count > 0 && tenures.isEmpty()) {
            throw new IllegalStateException("no rep is employed during the history, cannot place transactions");
        }
        SplittableRandom random = Seeds.random(parameters.seed(), Seeds.BENCHMARK);
        int width = Seeds.width(count, 7);
        for (long n = 1; n <= count; n++) {
            int index = random.nextInt(tenures.size());
            Tenure tenure = tenures.get(index);
            LocalDate day = LocalDate.ofEpochDay(tenure.firstDay() + random.nextLong(tenure.days()));
            Seat seat = tenure.seat();
            Account account = accounts.get(seat.firstAccount + random.nextInt(seat.accountCount));
            int typeRoll = random.nextInt(100);
            DealType type = typeRoll < 50 ? DealType.NEW_LOGO : typeRoll < 80 ? DealType.EXPANSION : DealType.RENEWAL;
            Product product = Catalogue.productFor(type, account.sizeBand(), random);
            BigDecimal amount = DealSizes.inCurrency(
                    DealSizes.usdValue(account.sizeBand(), random) * DealSizes.typeFactor(type), seat.region);
            int term = type == DealType.RENEWAL ? 12 : 12 * (1 + random.nextInt(3));
            List<Split> splits = random.nextInt(100) < 5 ? splits(index, tenure, day) : List.of();
            sink.transaction(new SalesTransaction(
                    Seeds.id('T', n, width),
                    TransactionKind.DEAL,
                    "won",
                    null,
                    account.externalId(),
                    tenure.rep().personId(),
                    day,
                    amount,
                    seat.region.region().currency(),
                    type,
                    product.code(),
                    term,
                    splits,
                    null,
                    null,
                    null));
        }
    }

    /** Shared with the next rep in the list when that rep is in the same team on that day. */
    private List<Split> splits(int index, Tenure tenure, LocalDate day) {
        Tenure partner = tenures.get((index + 1) % tenures.size());
        if (!partner.seat().teamCode.equals(tenure.seat().teamCode)
                || !partner.rep().covers(day)
                || partner.rep().personId().equals(tenure.rep().personId())) {
            return List.of();
        }
        return List.of(
                new Split(tenure.rep().personId(), new BigDecimal("0.50")),
                new Split(partner.rep().personId(), new BigDecimal("0.50")));
    }
}
