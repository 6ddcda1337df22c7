package org.attain.demo;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What to generate. The same parameters always give the same company, byte for byte.
 *
 * <p>Two modes: without {@code transactions} the history is simulated (pipeline, won deals,
 * returns, activities; a few thousand deals for 250 people over two years). With
 * {@code transactions} set, the generator is in benchmark mode: exactly that many won-deal
 * transactions are spread over the reps and the history, and no opportunities or activities are
 * produced, so 10 million rows stream fast and nothing large sits in memory.
 *
 * @param seed         drives every random choice
 * @param people       number of person rows, {@value #MIN_PEOPLE}..{@value #MAX_PEOPLE}
 * @param transactions empty for the simulated history, else the exact number of deal rows (benchmark mode)
 * @param historyStart first day of the history
 * @param asOf         "today" for the generated company: deals up to it are closed, later ones are pipeline
 */
public record DemoParameters(long seed, int people, OptionalLong transactions, LocalDate historyStart, LocalDate asOf) {

    public static final int MIN_PEOPLE = 10;
    public static final int MAX_PEOPLE = 100_000;
    public static final long MAX_TRANSACTIONS = 50_000_000L;
    public static final int DEFAULT_PEOPLE = 250;
    public static final long DEFAULT_SEED = 20_240_101L;

    public DemoParameters {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(historyStart, "historyStart");
        Objects.requireNonNull(asOf, "asOf");
        if (people < MIN_PEOPLE || people > MAX_PEOPLE) {
            throw new IllegalArgumentException(
                    "people must be between " + MIN_PEOPLE + " and " + MAX_PEOPLE + ", was " + people);
        }
        if (transactions.isPresent() && (transactions.getAsLong() < 0 || transactions.getAsLong() > MAX_TRANSACTIONS)) {
            throw new IllegalArgumentException(
                    "transactions must be between 0 and " + MAX_TRANSACTIONS + ", was " + transactions.getAsLong());
        }
        // A quarter is the shortest history in which seasonality, hires and the manager change fit.
        if (historyStart.plusDays(90).isAfter(asOf)) {
            throw new IllegalArgumentException(
                    "history start must be at least 90 days before the as-of date " + asOf + ", was " + historyStart);
        }
    }

    /** The default demo company: 250 people, two years of simulated history up to {@code asOf}. */
    public static DemoParameters defaults(LocalDate asOf) {
        return new DemoParameters(DEFAULT_SEED, DEFAULT_PEOPLE, OptionalLong.empty(), defaultHistoryStart(asOf), asOf);
    }

    /** Two years back, from the first day of that month, so the history covers eight full quarters. */
    public static LocalDate defaultHistoryStart(LocalDate asOf) {
        return asOf.minusYears(2).withDayOfMonth(1);
    }

    public DemoParameters withSeed(long newSeed) {
        return new DemoParameters(newSeed, people, transactions, historyStart, asOf);
    }

    public DemoParameters withPeople(int newPeople) {
        return new DemoParameters(seed, newPeople, transactions, historyStart, asOf);
    }

    /** Switches to benchmark mode with exactly that many deal transactions. */
    public DemoParameters withTransactions(long count) {
        return new DemoParameters(seed, people, OptionalLong.of(count), historyStart, asOf);
    }

    public DemoParameters withHistoryStart(LocalDate newStart) {
        return new DemoParameters(seed, people, transactions, newStart, asOf);
    }

    public boolean benchmarkMode() {
        return transactions.isPresent();
    }
}
