package org.attain.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the roll-forward does after months are posted, a posted month's lines never change, and through the last
 * month the journal books exactly the roll-forward's movements, kind by kind, to the cent.
 */
class JournalBookProperties {

    static final YearMonth START = YearMonth.of(2026, 1);

    @Property(tries = 500)
    void postedMonthsStayAsPostedAndTheJournalAddsUpToTheRollForward(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 12) int months,
            @ForAll @IntRange(min = 0, max = 12) int closed) {
        Random random = new Random(seed);
        YearMonth last = START.plusMonths(months - 1);
        Set<YearMonth> toPost = new TreeSet<>();
        for (int i = 0; i < Math.min(closed, months); i++) {
            if (random.nextBoolean()) {
                toPost.add(START.plusMonths(i));
            }
        }
        SortedMap<YearMonth, Map<JournalEntries.Kind, BigDecimal>> then = movements(random, months);
        Map<YearMonth, List<JournalBook.Posted>> posted =
                new HashMap<>(JournalBook.book(then, Map.of(), toPost, last, JournalEntries.Accounts.standard())
                        .toStore());
        assertThat(posted.keySet()).isEqualTo(toPost);

        SortedMap<YearMonth, Map<JournalEntries.Kind, BigDecimal>> now = movements(random, months);
        JournalBook.Booked booked = JournalBook.book(now, posted, Set.of(), last, JournalEntries.Accounts.standard());
        posted.forEach((m, lines) -> assertThat(booked.lines().get(m)).isEqualTo(lines));
        if (!toPost.contains(last)) {
            for (JournalEntries.Kind k : JournalEntries.Kind.values()) {
                BigDecimal journal = booked.lines().values().stream()
                        .flatMap(List::stream)
                        .filter(p -> p.kind() == k)
                        .map(JournalBook.Posted::signed)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal rollForward =
                        now.values().stream().map(x -> x.get(k)).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(journal).as(k.name()).isEqualByComparingTo(rollForward);
            }
        }
        for (List<JournalBook.Posted> lines : booked.lines().values()) {
            for (JournalBook.Posted p : lines) {
                assertThat(p.amount())
                        .isPositive()
                        .isEqualByComparingTo(p.signed().abs());
            }
        }
    }

    static SortedMap<YearMonth, Map<JournalEntries.Kind, BigDecimal>> movements(Random random, int months) {
        SortedMap<YearMonth, Map<JournalEntries.Kind, BigDecimal>> out = new TreeMap<>();
        for (int i = 0; i < months; i++) {
            Map<JournalEntries.Kind, BigDecimal> m = new EnumMap<>(JournalEntries.Kind.class);
            for (JournalEntries.Kind k : JournalEntries.Kind.values()) {
                m.put(k, BigDecimal.valueOf(random.nextInt(2_000_001) - 500_000, 2));
            }
            out.put(START.plusMonths(i), m);
        }
        return out;
    }
}
