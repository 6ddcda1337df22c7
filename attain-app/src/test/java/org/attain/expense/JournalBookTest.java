package org.attain.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A posted month is frozen: whatever the roll-forward later says of it, its lines stay as posted and the difference is
 * booked as a correction in the next month not posted, so the journal through that month adds up to the roll-forward.
 */
class JournalBookTest {

    static final YearMonth JAN = YearMonth.of(2026, 1);
    static final YearMonth FEB = YearMonth.of(2026, 2);
    static final YearMonth MAR = YearMonth.of(2026, 3);
    static final JournalEntries.Accounts ACCOUNTS = JournalEntries.Accounts.standard();

    @Test
    void aPostedMonthKeepsItsLinesAndTheNextOpenMonthBooksTheCorrection() {
        // As posted when January closed: 36,000 capitalised, 1,000 amortised.
        SortedMap<YearMonth, Map<JournalEntries.Kind, BigDecimal>> then = new TreeMap<>();
        then.put(JAN, moves("36000.00", "1000.00", "0.00"));
        then.put(FEB, moves("0.00", "1000.00", "0.00"));
        JournalBook.Booked posting = JournalBook.book(then, Map.of(), Set.of(JAN), JAN, ACCOUNTS);
        Map<YearMonth, List<JournalBook.Posted>> posted =
                Map.of(JAN, posting.toStore().get(JAN));
        assertThat(posted.get(JAN))
                .extracting(
                        p -> p.kind() + " " + p.debit() + "/" + p.credit() + " " + p.amount() + " " + p.correction())
                .containsExactly("CAPITALISED 1480/3790 36000.00 false", "AMORTISED 6010/1480 1000.00 false");

        // A late deal changes January: 48,000 capitalised, 1,333.33 amortised; and a churn writes 500 off in February.
        SortedMap<YearMonth, Map<JournalEntries.Kind, BigDecimal>> now = new TreeMap<>();
        now.put(JAN, moves("48000.00", "1333.33", "0.00"));
        now.put(FEB, moves("0.00", "1333.33", "500.00"));
        now.put(MAR, moves("0.00", "1333.33", "0.00"));
        JournalBook.Booked booked = JournalBook.book(now, posted, Set.of(), MAR, ACCOUNTS);

        assertThat(booked.lines().get(JAN)).isEqualTo(posted.get(JAN));
        assertThat(booked.lines().get(FEB))
                .extracting(
                        p -> p.kind() + " " + p.debit() + "/" + p.credit() + " " + p.amount() + " " + p.correction())
                .containsExactly(
                        "AMORTISED 6010/1480 1333.33 false",
                        "WRITTEN_OFF 6020/1480 500.00 false",
                        "CAPITALISED 1480/3790 12000.00 true",
                        "AMORTISED 6010/1480 333.33 true");
        assertThat(booked.lines().get(MAR))
                .extracting(p -> p.kind() + " " + p.amount() + " " + p.correction())
                .containsExactly("AMORTISED 1333.33 false");
        assertThat(booked.toStore()).isEmpty();
        for (JournalEntries.Kind k : JournalEntries.Kind.values()) {
            assertThat(signed(booked, k, JAN, MAR)).as(k.name()).isEqualByComparingTo(total(now, k));
        }
    }

    @Test
    void aCorrectionThatReducesAPostedMonthBooksTheOtherWayRound() {
        SortedMap<YearMonth, Map<JournalEntries.Kind, BigDecimal>> then = new TreeMap<>();
        then.put(JAN, moves("36000.00", "1000.00", "0.00"));
        Map<YearMonth, List<JournalBook.Posted>> posted =
                JournalBook.book(then, Map.of(), Set.of(JAN), JAN, ACCOUNTS).toStore();
        SortedMap<YearMonth, Map<JournalEntries.Kind, BigDecimal>> now = new TreeMap<>();
        now.put(JAN, moves("30000.00", "1000.00", "0.00"));
        JournalBook.Booked booked = JournalBook.book(now, posted, Set.of(FEB), FEB, ACCOUNTS);
        assertThat(booked.lines().get(FEB))
                .extracting(p -> p.kind() + " " + p.debit() + "/" + p.credit() + " " + p.amount() + " " + p.signed())
                .containsExactly("CAPITALISED 3790/1480 6000.00 -6000.00");
        assertThat(booked.toStore()).containsOnlyKeys(FEB);

        // Posted months' lines become the period's entries, netted per kind and accounts within a quarter.
        List<JournalEntries.Entry> q1 = JournalBook.entries(
                booked.lines(), Set.of(JAN), List.of(new RollForward.Period("2026-Q1", JAN, MAR)), "EUR");
        assertThat(q1)
                .extracting(e -> e.kind() + " " + e.debit() + "/" + e.credit() + " " + e.amount() + " " + e.correction()
                        + " " + e.posted())
                .containsExactly(
                        "CAPITALISED 1480/3790 36000.00 false true",
                        "AMORTISED 6010/1480 1000.00 false true",
                        "CAPITALISED 3790/1480 6000.00 true false");
    }

    static Map<JournalEntries.Kind, BigDecimal> moves(String capitalised, String amortised, String writtenOff) {
        Map<JournalEntries.Kind, BigDecimal> m = new EnumMap<>(JournalEntries.Kind.class);
        m.put(JournalEntries.Kind.CAPITALISED, new BigDecimal(capitalised));
        m.put(JournalEntries.Kind.AMORTISED, new BigDecimal(amortised));
        m.put(JournalEntries.Kind.WRITTEN_OFF, new BigDecimal(writtenOff));
        m.put(JournalEntries.Kind.EXPENSED, new BigDecimal("0.00"));
        return m;
    }

    static BigDecimal signed(JournalBook.Booked b, JournalEntries.Kind k, YearMonth from, YearMonth to) {
        return b.lines().subMap(from, to.plusMonths(1)).values().stream()
                .flatMap(List::stream)
                .filter(p -> p.kind() == k)
                .map(JournalBook.Posted::signed)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal total(SortedMap<YearMonth, Map<JournalEntries.Kind, BigDecimal>> m, JournalEntries.Kind k) {
        return m.values().stream().map(x -> x.get(k)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
