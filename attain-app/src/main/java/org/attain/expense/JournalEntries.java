package org.attain.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal entries of a roll-forward, pure: one balanced entry per kind of movement and period, booked on
 * the period's last day (zero movements book nothing). Accounts are named by {@link Accounts}.
 */
public final class JournalEntries {

    /** The ledger accounts the entries use (numbers or names as the general ledger knows them). */
    public record Accounts(
            String deferredCosts,
            String accruedCommissions,
            String commissionExpense,
            String amortisation,
            String writeOff) {

        public static Accounts standard() {
            return new Accounts("1480", "3790", "6000", "6010", "6020");
        }
    }

    public enum Kind {
        EXPENSED,
        CAPITALISED,
        AMORTISED,
        WRITTEN_OFF
    }

    /**
     * One journal line: {@code correction} when it books what a later change did to an already posted month,
     * {@code posted} when it is part of a posted (frozen) month.
     */
    public record Entry(
            String period,
            LocalDate bookedOn,
            Kind kind,
            String debit,
            String credit,
            BigDecimal amount,
            String currency,
            boolean correction,
            boolean posted) {

        public Entry(
                String period,
                LocalDate bookedOn,
                Kind kind,
                String debit,
                String credit,
                BigDecimal amount,
                String currency) {
            this(period, bookedOn, kind, debit, credit, amount, currency, false, false);
        }
    }

    /** The accounts a kind books to when its movement is positive: debit first. */
    public static String[] direction(Kind kind, Accounts a) {
        return switch (kind) {
            case EXPENSED -> new String[] {a.commissionExpense(), a.accruedCommissions()};
            case CAPITALISED -> new String[] {a.deferredCosts(), a.accruedCommissions()};
            case AMORTISED -> new String[] {a.amortisation(), a.deferredCosts()};
            case WRITTEN_OFF -> new String[] {a.writeOff(), a.deferredCosts()};
        };
    }

    private JournalEntries() {}

    public static List<Entry> of(
            List<RollForward.Line> lines, List<RollForward.Period> periods, String currency, Accounts a) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RollForward.Line l = lines.get(i);
            LocalDate on = periods.get(i).until().atEndOfMonth();
            add(
                    entries,
                    l.period(),
                    on,
                    Kind.EXPENSED,
                    a.commissionExpense(),
                    a.accruedCommissions(),
                    l.expensedAtOnce(),
                    currency);
            add(
                    entries,
                    l.period(),
                    on,
                    Kind.CAPITALISED,
                    a.deferredCosts(),
                    a.accruedCommissions(),
                    l.capitalised(),
                    currency);
            add(entries, l.period(), on, Kind.AMORTISED, a.amortisation(), a.deferredCosts(), l.amortised(), currency);
            add(entries, l.period(), on, Kind.WRITTEN_OFF, a.writeOff(), a.deferredCosts(), l.writtenOff(), currency);
        }
        return entries;
    }

    private static void add(
            List<Entry> entries,
            String period,
            LocalDate on,
            Kind kind,
            String debit,
            String credit,
            BigDecimal amount,
            String currency) {
        if (amount.signum() == 0) {
            return;
        }
        // A negative movement (a clawback) books the other way round, so every entry's amount is positive.
        entries.add(
                amount.signum() > 0
                        ? new Entry(period, on, kind, debit, credit, amount, currency)
                        : new Entry(period, on, kind, credit, debit, amount.negate(), currency));
    }
}
