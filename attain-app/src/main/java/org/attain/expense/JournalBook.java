package org.attain.expense;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The commission journal month by month with posted months frozen, pure. A month already posted keeps its lines
 * whatever the roll-forward says of it now; the difference (per kind of movement) is booked as a correction in the
 * next month not posted, so the journal through any month not posted adds up to the roll-forward through it, and a
 * posted month is never rewritten. A month asked to be posted gets the lines it shows now (its movements and the
 * corrections it carries), which are returned to store.
 */
public final class JournalBook {

    /** One stored line of a posted month; {@code signed} is the movement in the kind's own direction. */
    public record Posted(
            YearMonth month,
            JournalEntries.Kind kind,
            boolean correction,
            String debit,
            String credit,
            BigDecimal amount,
            BigDecimal signed) {}

    public record Booked(SortedMap<YearMonth, List<Posted>> lines, Map<YearMonth, List<Posted>> toStore) {}

    private JournalBook() {}

    /** The movements of a month per kind, signed (what {@link RollForward} sums), from amortisation months. */
    public static SortedMap<YearMonth, Map<JournalEntries.Kind, BigDecimal>> movements(
            List<Amortisation.Month> months) {
        SortedMap<YearMonth, Map<JournalEntries.Kind, BigDecimal>> out = new TreeMap<>();
        for (Amortisation.Month m : months) {
            Map<JournalEntries.Kind, BigDecimal> k =
                    out.computeIfAbsent(m.month(), x -> new EnumMap<>(JournalEntries.Kind.class));
            k.merge(JournalEntries.Kind.EXPENSED, m.expensed(), BigDecimal::add);
            k.merge(JournalEntries.Kind.CAPITALISED, m.capitalised(), BigDecimal::add);
            k.merge(JournalEntries.Kind.AMORTISED, m.amortised(), BigDecimal::add);
            k.merge(JournalEntries.Kind.WRITTEN_OFF, m.writtenOff(), BigDecimal::add);
        }
        return out;
    }

    /**
     * Every month from the first movement or posting through {@code last}: the posted months' stored lines, the
     * others' lines as they are now, with {@code toPost} months' lines also returned to store.
     */
    public static Booked book(
            SortedMap<YearMonth, Map<JournalEntries.Kind, BigDecimal>> movements,
            Map<YearMonth, List<Posted>> posted,
            Set<YearMonth> toPost,
            YearMonth last,
            JournalEntries.Accounts accounts) {
        TreeSet<YearMonth> months = new TreeSet<>(movements.keySet());
        months.addAll(posted.keySet());
        months.addAll(toPost);
        SortedMap<YearMonth, List<Posted>> lines = new TreeMap<>();
        Map<YearMonth, List<Posted>> store = new LinkedHashMap<>();
        if (months.isEmpty()) {
            return new Booked(lines, store);
        }
        Map<JournalEntries.Kind, BigDecimal> carry = new EnumMap<>(JournalEntries.Kind.class);
        for (YearMonth m = months.first(); !m.isAfter(last); m = m.plusMonths(1)) {
            Map<JournalEntries.Kind, BigDecimal> now = movements.getOrDefault(m, Map.of());
            if (posted.containsKey(m)) {
                List<Posted> frozen = posted.get(m);
                lines.put(m, frozen);
                for (JournalEntries.Kind k : JournalEntries.Kind.values()) {
                    BigDecimal booked = frozen.stream()
                            .filter(p -> p.kind() == k)
                            .map(Posted::signed)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    carry.merge(k, now.getOrDefault(k, BigDecimal.ZERO).subtract(booked), BigDecimal::add);
                }
                continue;
            }
            List<Posted> out = new ArrayList<>();
            for (JournalEntries.Kind k : JournalEntries.Kind.values()) {
                add(out, m, k, false, now.getOrDefault(k, BigDecimal.ZERO), accounts);
            }
            for (JournalEntries.Kind k : JournalEntries.Kind.values()) {
                add(out, m, k, true, carry.getOrDefault(k, BigDecimal.ZERO), accounts);
            }
            carry.clear();
            lines.put(m, out);
            if (toPost.contains(m)) {
                store.put(m, out);
            }
        }
        return new Booked(lines, store);
    }

    private static void add(
            List<Posted> out,
            YearMonth m,
            JournalEntries.Kind k,
            boolean correction,
            BigDecimal signed,
            JournalEntries.Accounts a) {
        if (signed.signum() == 0) {
            return;
        }
        String[] dc = JournalEntries.direction(k, a);
        out.add(
                signed.signum() > 0
                        ? new Posted(m, k, correction, dc[0], dc[1], signed, signed)
                        : new Posted(m, k, correction, dc[1], dc[0], signed.negate(), signed));
    }

    /**
     * The lines of the months inside the periods, each booked on its period's last day, netted with the lines of the
     * same kind, accounts, correction and posting in that period (a net of zero books nothing).
     */
    public static List<JournalEntries.Entry> entries(
            SortedMap<YearMonth, List<Posted>> lines,
            Set<YearMonth> postedMonths,
            List<RollForward.Period> periods,
            String currency) {
        List<JournalEntries.Entry> out = new ArrayList<>();
        for (RollForward.Period p : periods) {
            Map<String, Posted> net = new LinkedHashMap<>();
            for (YearMonth m = p.from(); !m.isAfter(p.until()); m = m.plusMonths(1)) {
                boolean posted = postedMonths.contains(m);
                for (Posted l : lines.getOrDefault(m, List.of())) {
                    // The kind's own direction: as booked when the movement was positive, else the other way round.
                    String debit = l.signed().signum() > 0 ? l.debit() : l.credit();
                    String credit = l.signed().signum() > 0 ? l.credit() : l.debit();
                    String key = l.kind() + "|" + l.correction() + "|" + debit + "|" + credit + "|" + posted;
                    Posted sum = net.get(key);
                    net.put(
                            key,
                            new Posted(
                                    m,
                                    l.kind(),
                                    l.correction(),
                                    debit,
                                    credit,
                                    null,
                                    sum == null ? l.signed() : sum.signed().add(l.signed())));
                }
            }
            List<JournalEntries.Entry> period = new ArrayList<>();
            for (Map.Entry<String, Posted> e : net.entrySet()) {
                Posted n = e.getValue();
                if (n.signed().signum() == 0) {
                    continue;
                }
                boolean posted = e.getKey().endsWith("|true");
                period.add(
                        n.signed().signum() > 0
                                ? new JournalEntries.Entry(
                                        p.id(),
                                        p.until().atEndOfMonth(),
                                        n.kind(),
                                        n.debit(),
                                        n.credit(),
                                        n.signed(),
                                        currency,
                                        n.correction(),
                                        posted)
                                : new JournalEntries.Entry(
                                        p.id(),
                                        p.until().atEndOfMonth(),
                                        n.kind(),
                                        n.credit(),
                                        n.debit(),
                                        n.signed().negate(),
                                        currency,
                                        n.correction(),
                                        posted));
            }
            period.sort(java.util.Comparator.comparing(JournalEntries.Entry::correction)
                    .thenComparing(JournalEntries.Entry::kind));
            out.addAll(period);
        }
        return out;
    }
}
