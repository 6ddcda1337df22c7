package org.attain.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.engine.calc.Contribution;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.calc.PlanPeriodResult;
import org.attain.engine.calc.TierSlice;
import org.attain.engine.calc.Trace;
import org.attain.engine.calc.TraceStep;
import org.attain.engine.credit.Exclusion;
import org.attain.engine.ledger.LedgerEntry;
import org.attain.engine.ledger.LedgerEntryKind;
import org.attain.engine.ledger.LedgerState;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.ReturnOf;
import org.attain.engine.model.Split;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.territory.TerritoryRole;
import org.attain.engine.territory.ViaTerritory;
import org.attain.engine.time.PeriodId;
import org.attain.engine.time.PeriodKind;

/**
 * What travels between the driver and an executor, as byte arrays written field by field: a {@link PayeeGroup}
 * (its payees and transactions, or what the executor reads for it) to the executor, its {@link GroupOutcome} back.
 * Java serialization of a group's
 * outcome (statements, lines, traces, every explained deal with its tier slices, full of shared references) spent
 * most of an executor's time looking up objects it had written already ({@code ObjectOutputStream$HandleTable});
 * a byte array is written as one block. Each distinct string is written once per array and referred to by number
 * afterwards; decimals keep their scale; a transaction attribute of a type not listed here travels by Java
 * serialization, alone. So what arrives equals what was sent ({@code equals}, attribute types included), and
 * what was one object in a statement (a line a plan shares with the statement, an id, an account's attributes
 * several transactions share) arrives as one object.
 *
 * <p>Only for the trips of one run (the same classes on both sides): each array starts with a version byte, but
 * bytes of another build need not be readable.
 */
final class TaskBytes {

    private static final byte OUTCOME = 1;
    private static final byte GROUP = 2;

    private TaskBytes() {}

    static byte[] encode(GroupOutcome outcome) {
        Writer w = new Writer();
        w.raw(OUTCOME);
        w.size(outcome.payees().size());
        outcome.payees().forEach(w::person);
        w.size(outcome.statements().size());
        outcome.statements().forEach(w::statement);
        w.size(outcome.exclusions().size());
        for (Exclusion e : outcome.exclusions()) {
            w.transaction(e.transaction());
            w.string(e.reason());
        }
        w.size(outcome.issues().size());
        outcome.issues().forEach(w::string);
        w.size(outcome.failed().size());
        outcome.failed().forEach((person, why) -> {
            w.string(person);
            w.string(why);
        });
        return w.bytes();
    }

    static GroupOutcome outcome(byte[] bytes) {
        Reader r = new Reader(bytes, OUTCOME);
        int n = r.size();
        List<PersonId> payees = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            payees.add(r.person());
        }
        n = r.size();
        List<PayeePeriodResult> statements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            statements.add(r.statement());
        }
        n = r.size();
        List<Exclusion> exclusions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            exclusions.add(new Exclusion(r.transactionId(), r.string()));
        }
        n = r.size();
        List<String> issues = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            issues.add(r.string());
        }
        n = r.size();
        Map<String, String> failed = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            failed.put(r.string(), r.string());
        }
        r.end();
        return new GroupOutcome(payees, statements, exclusions, issues, failed);
    }

    static byte[] encode(PayeeGroup group) {
        Writer w = new Writer();
        w.raw(GROUP);
        w.size(group.payees().size());
        group.payees().forEach(w::person);
        w.flag(group.transactions() != null);
        if (group.transactions() != null) {
            w.size(group.transactions().size());
            group.transactions().forEach(w::transaction);
        }
        PayeeGroup.Reach reach = group.reach();
        w.flag(reach != null);
        if (reach != null) {
            w.flag(reach.people() != null);
            if (reach.people() != null) {
                w.ids(reach.people());
            }
            w.ids(reach.accounts());
        }
        return w.bytes();
    }

    static PayeeGroup group(byte[] bytes) {
        Reader r = new Reader(bytes, GROUP);
        int n = r.size();
        List<PersonId> payees = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            payees.add(r.person());
        }
        List<Transaction> transactions = null;
        if (r.flag()) {
            n = r.size();
            transactions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                transactions.add(r.transaction());
            }
        }
        PayeeGroup.Reach reach = null;
        if (r.flag()) {
            java.util.Set<Long> people = r.flag() ? r.ids() : null;
            reach = new PayeeGroup.Reach(people, r.ids());
        }
        r.end();
        return new PayeeGroup(payees, transactions, reach);
    }

    /** Writes the fields; strings and currencies by number once seen, a statement's lines by number once written. */
    private static final class Writer {
        private byte[] buf = new byte[1 << 12];
        private int pos;
        private final Map<String, Integer> strings = new HashMap<>();
        private final Map<CurrencyUnit, Integer> currencies = new HashMap<>();
        private final Map<EarningsLine, Integer> lines = new IdentityHashMap<>();
        private final Map<Map<String, Object>, Integer> attributes = new IdentityHashMap<>();

        byte[] bytes() {
            return Arrays.copyOf(buf, pos);
        }

        private void room(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void raw(int b) {
            room(1);
            buf[pos++] = (byte) b;
        }

        void flag(boolean b) {
            raw(b ? 1 : 0);
        }

        /** An unsigned number, 7 bits a byte. */
        void varlong(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }

        void signed(long v) {
            varlong((v << 1) ^ (v >> 63));
        }

        void size(int n) {
            varlong(n);
        }

        /** Database ids (a group's reach): how many, then each. */
        void ids(java.util.Set<Long> ids) {
            size(ids.size());
            ids.forEach(this::varlong);
        }

        /** 0: null; 1: a new string follows (its UTF-8 length and bytes); k > 1: the (k - 2)th string written. */
        void string(String s) {
            if (s == null) {
                varlong(0);
                return;
            }
            Integer seen = strings.get(s);
            if (seen != null) {
                varlong(seen + 2L);
                return;
            }
            strings.put(s, strings.size());
            varlong(1);
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varlong(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, buf, pos, utf8.length);
            pos += utf8.length;
        }

        void person(PersonId p) {
            string(p == null ? null : p.value());
        }

        void transaction(TransactionId t) {
            string(t == null ? null : t.value());
        }

        void transaction(Transaction t) {
            transaction(t.id());
            person(t.owner());
            size(t.splits().size());
            for (Split s : t.splits()) {
                person(s.person());
                decimal(s.share());
                flag(s.overlay());
            }
            date(t.closeDate());
            money(t.amount());
            string(t.status());
            string(t.type());
            string(t.product());
            attributes(t.account());
            attributes(t.attributes());
            date(t.recordedOn());
            ReturnOf r = t.returnOf();
            flag(r != null);
            if (r != null) {
                string(r.kind());
                transaction(r.refersTo());
            }
        }

        /** 0: a new map follows; k > 0: the (k - 1)th map written (the same object). */
        void attributes(Map<String, Object> m) {
            Integer seen = attributes.get(m);
            if (seen != null) {
                varlong(seen + 1L);
                return;
            }
            attributes.put(m, attributes.size());
            varlong(0);
            size(m.size());
            m.forEach((k, v) -> {
                string(k);
                value(v);
            });
        }

        /** An attribute's value by its type; one of another type by Java serialization. */
        void value(Object v) {
            if (v == null) {
                raw(0);
            } else if (v instanceof String s) {
                raw(1);
                string(s);
            } else if (v.getClass() == BigDecimal.class) {
                raw(2);
                decimal((BigDecimal) v);
            } else if (v instanceof Long l) {
                raw(3);
                signed(l);
            } else if (v instanceof Integer i) {
                raw(4);
                signed(i);
            } else if (v instanceof Boolean b) {
                raw(b ? 5 : 6);
            } else if (v instanceof LocalDate d) {
                raw(7);
                signed(d.toEpochDay());
            } else if (v instanceof Double x) {
                raw(8);
                signed(Double.doubleToRawLongBits(x));
            } else {
                raw(9);
                ByteArrayOutputStream java = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(java)) {
                    out.writeObject(v);
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "an attribute of type " + v.getClass().getName(), e);
                }
                byte[] serialized = java.toByteArray();
                size(serialized.length);
                room(serialized.length);
                System.arraycopy(serialized, 0, buf, pos, serialized.length);
                pos += serialized.length;
            }
        }

        void decimal(BigDecimal d) {
            if (d == null) {
                raw(0);
                return;
            }
            BigInteger unscaled = d.unscaledValue();
            if (unscaled.bitLength() < 63) {
                raw(1);
                signed(d.scale());
                signed(unscaled.longValue());
            } else {
                raw(2);
                signed(d.scale());
                byte[] b = unscaled.toByteArray();
                varlong(b.length);
                room(b.length);
                System.arraycopy(b, 0, buf, pos, b.length);
                pos += b.length;
            }
        }

        /** 0: null; 1: a new currency follows (code, minor digits); k > 1: the (k - 2)th currency written. */
        void currency(CurrencyUnit c) {
            if (c == null) {
                varlong(0);
                return;
            }
            Integer seen = currencies.get(c);
            if (seen != null) {
                varlong(seen + 2L);
                return;
            }
            currencies.put(c, currencies.size());
            varlong(1);
            string(c.code());
            varlong(c.minorDigits());
        }

        void money(Money m) {
            if (m == null) {
                currency(null);
                return;
            }
            currency(m.currency());
            decimal(m.amount());
        }

        void period(PeriodId p) {
            if (p == null) {
                raw(0);
                return;
            }
            raw(1 + p.kind().ordinal());
            signed(p.year());
            varlong(p.index());
        }

        void date(LocalDate d) {
            flag(d != null);
            if (d != null) {
                signed(d.toEpochDay());
            }
        }

        void strings(List<String> list) {
            if (list == null) {
                varlong(0);
                return;
            }
            varlong(list.size() + 1L);
            list.forEach(this::string);
        }

        void statement(PayeePeriodResult s) {
            lines.clear();
            person(s.person());
            period(s.period());
            flag(s.closed());
            size(s.lines().size());
            s.lines().forEach(this::line);
            size(s.plans().size());
            s.plans().forEach(this::plan);
            size(s.ledger().size());
            for (LedgerEntry e : s.ledger()) {
                varlong(e.kind().ordinal());
                money(e.amount());
                transaction(e.transaction());
                string(e.note());
            }
            flag(s.ledgerAfter() != null);
            if (s.ledgerAfter() != null) {
                LedgerState l = s.ledgerAfter();
                money(l.carried());
                money(l.drawBalance());
                size(l.held().size());
                l.held().forEach((t, m) -> {
                    transaction(t);
                    money(m);
                });
            }
            money(s.payout());
        }

        void plan(PlanPeriodResult p) {
            string(p.plan());
            size(p.measures().size());
            p.measures().forEach((k, v) -> {
                string(k);
                money(v);
            });
            money(p.quota());
            string(p.quotaExplanation());
            decimal(p.attainment());
            size(p.lines().size());
            p.lines().forEach(this::line);
            size(p.dealEarnings().size());
            p.dealEarnings().forEach((t, d) -> {
                transaction(t);
                decimal(d);
            });
        }

        /** 0: a new line follows; k > 0: the (k - 1)th line of this statement written. */
        void line(EarningsLine l) {
            Integer seen = lines.get(l);
            if (seen != null) {
                varlong(seen + 1L);
                return;
            }
            lines.put(l, lines.size());
            varlong(0);
            string(l.component());
            string(l.kind());
            string(l.plan());
            money(l.amount());
            money(l.uncapped());
            size(l.qualifying().size());
            l.qualifying().forEach(this::transaction);
            period(l.forPeriod());
            trace(l.trace());
        }

        void trace(Trace t) {
            flag(t != null);
            if (t == null) {
                return;
            }
            size(t.steps().size());
            for (TraceStep s : t.steps()) {
                string(s.step());
                string(s.detail());
                string(s.code());
                strings(s.args());
            }
            size(t.contributions().size());
            t.contributions().forEach(this::contribution);
        }

        void contribution(Contribution c) {
            transaction(c.transaction());
            date(c.date());
            string(c.rule());
            person(c.via());
            decimal(c.share());
            money(c.source());
            decimal(c.fxFactor());
            money(c.credited());
            List<TierSlice> slices = c.slices();
            if (slices == null) {
                varlong(0);
            } else {
                varlong(slices.size() + 1L);
                for (TierSlice s : slices) {
                    signed(s.tier());
                    string(s.bounds());
                    decimal(s.base());
                    decimal(s.rate());
                    decimal(s.amount());
                }
            }
            decimal(c.amount());
            ViaTerritory v = c.territory();
            if (v == null) {
                raw(0);
            } else {
                raw(1 + v.role().ordinal());
                string(v.id());
                string(v.name());
            }
        }
    }

    /** Reads what {@link Writer} wrote, into new records; equal ids decoded once (one object each). */
    private static final class Reader {
        private final byte[] buf;
        private int pos;
        private final List<String> strings = new ArrayList<>();
        private final Map<String, PersonId> people = new HashMap<>();
        private final Map<String, TransactionId> transactions = new HashMap<>();
        private final List<CurrencyUnit> currencies = new ArrayList<>();
        private final List<EarningsLine> lines = new ArrayList<>();
        private final List<Map<String, Object>> attributes = new ArrayList<>();
        private static final PeriodKind[] KINDS = PeriodKind.values();
        private static final LedgerEntryKind[] LEDGER = LedgerEntryKind.values();
        private static final TerritoryRole[] ROLES = TerritoryRole.values();

        Reader(byte[] buf, byte kind) {
            this.buf = buf;
            byte first = raw();
            if (first != kind) {
                throw new IllegalStateException("bytes of kind " + first + ", expected " + kind);
            }
        }

        void end() {
            if (pos != buf.length) {
                throw new IllegalStateException("bytes longer than what they hold: " + buf.length + ", read " + pos);
            }
        }

        byte raw() {
            return buf[pos++];
        }

        boolean flag() {
            return raw() != 0;
        }

        long varlong() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }

        long signed() {
            long v = varlong();
            return (v >>> 1) ^ -(v & 1);
        }

        int size() {
            return Math.toIntExact(varlong());
        }

        java.util.Set<Long> ids() {
            int n = size();
            java.util.Set<Long> out = new java.util.HashSet<>(n * 2);
            for (int i = 0; i < n; i++) {
                out.add(varlong());
            }
            return out;
        }

        String string() {
            int k = size();
            if (k == 0) {
                return null;
            }
            if (k > 1) {
                return strings.get(k - 2);
            }
            int n = size();
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            strings.add(s);
            return s;
        }

        PersonId person() {
            String s = string();
            return s == null ? null : people.computeIfAbsent(s, PersonId::new);
        }

        TransactionId transactionId() {
            String s = string();
            return s == null ? null : transactions.computeIfAbsent(s, TransactionId::new);
        }

        Transaction transaction() {
            TransactionId id = transactionId();
            PersonId owner = person();
            int n = size();
            List<Split> splits = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                splits.add(new Split(person(), decimal(), flag()));
            }
            LocalDate closeDate = date();
            Money amount = money();
            String status = string();
            String type = string();
            String product = string();
            Map<String, Object> account = attributes();
            Map<String, Object> values = attributes();
            LocalDate recordedOn = date();
            ReturnOf returnOf = flag() ? new ReturnOf(string(), transactionId()) : null;
            return new Transaction(
                    id, owner, splits, closeDate, amount, status, type, product, account, values, recordedOn, returnOf);
        }

        Map<String, Object> attributes() {
            int k = size();
            if (k > 0) {
                return attributes.get(k - 1);
            }
            int n = size();
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                m.put(string(), value());
            }
            Map<String, Object> copy = Map.copyOf(m);
            attributes.add(copy);
            return copy;
        }

        Object value() {
            byte tag = raw();
            return switch (tag) {
                case 0 -> null;
                case 1 -> string();
                case 2 -> decimal();
                case 3 -> Long.valueOf(signed());
                case 4 -> Integer.valueOf(Math.toIntExact(signed()));
                case 5 -> Boolean.TRUE;
                case 6 -> Boolean.FALSE;
                case 7 -> LocalDate.ofEpochDay(signed());
                case 8 -> Double.valueOf(Double.longBitsToDouble(signed()));
                case 9 -> java();
                default -> throw new IllegalStateException("no attribute value of tag " + tag);
            };
        }

        private Object java() {
            int n = size();
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(buf, pos, n))) {
                Object v = in.readObject();
                pos += n;
                return v;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }

        BigDecimal decimal() {
            byte tag = raw();
            if (tag == 0) {
                return null;
            }
            int scale = Math.toIntExact(signed());
            if (tag == 1) {
                return BigDecimal.valueOf(signed(), scale);
            }
            int n = size();
            BigInteger unscaled = new BigInteger(buf, pos, n);
            pos += n;
            return new BigDecimal(unscaled, scale);
        }

        CurrencyUnit currency() {
            int k = size();
            if (k == 0) {
                return null;
            }
            if (k > 1) {
                return currencies.get(k - 2);
            }
            CurrencyUnit c = new CurrencyUnit(string(), size());
            currencies.add(c);
            return c;
        }

        Money money() {
            CurrencyUnit c = currency();
            return c == null ? null : new Money(decimal(), c);
        }

        PeriodId period() {
            byte tag = raw();
            if (tag == 0) {
                return null;
            }
            int year = Math.toIntExact(signed());
            return new PeriodId(KINDS[tag - 1], year, size());
        }

        LocalDate date() {
            return flag() ? LocalDate.ofEpochDay(signed()) : null;
        }

        List<String> strings() {
            int n = size();
            if (n == 0) {
                return null;
            }
            List<String> out = new ArrayList<>(n - 1);
            for (int i = 0; i < n - 1; i++) {
                out.add(string());
            }
            return out;
        }

        PayeePeriodResult statement() {
            lines.clear();
            PersonId person = person();
            PeriodId period = period();
            boolean closed = flag();
            int n = size();
            List<EarningsLine> own = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                own.add(line());
            }
            n = size();
            List<PlanPeriodResult> plans = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                plans.add(plan());
            }
            n = size();
            List<LedgerEntry> ledger = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ledger.add(new LedgerEntry(LEDGER[size()], money(), transactionId(), string()));
            }
            LedgerState after = null;
            if (flag()) {
                Money carried = money();
                Money draw = money();
                n = size();
                Map<TransactionId, Money> held = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    held.put(transactionId(), money());
                }
                after = new LedgerState(carried, draw, held);
            }
            return new PayeePeriodResult(person, period, closed, plans, own, ledger, after, money());
        }

        PlanPeriodResult plan() {
            String plan = string();
            int n = size();
            Map<String, Money> measures = new HashMap<>();
            for (int i = 0; i < n; i++) {
                measures.put(string(), money());
            }
            Money quota = money();
            String explanation = string();
            BigDecimal attainment = decimal();
            n = size();
            List<EarningsLine> own = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                own.add(line());
            }
            n = size();
            Map<TransactionId, BigDecimal> deals = new HashMap<>();
            for (int i = 0; i < n; i++) {
                deals.put(transactionId(), decimal());
            }
            return new PlanPeriodResult(plan, measures, quota, explanation, attainment, own, deals);
        }

        EarningsLine line() {
            int k = size();
            if (k > 0) {
                return lines.get(k - 1);
            }
            String component = string();
            String kind = string();
            String plan = string();
            Money amount = money();
            Money uncapped = money();
            int n = size();
            List<TransactionId> qualifying = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                qualifying.add(transactionId());
            }
            PeriodId forPeriod = period();
            EarningsLine line =
                    new EarningsLine(component, kind, plan, amount, uncapped, qualifying, forPeriod, trace());
            lines.add(line);
            return line;
        }

        Trace trace() {
            if (!flag()) {
                return null;
            }
            int n = size();
            List<TraceStep> steps = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                steps.add(new TraceStep(string(), string(), string(), strings()));
            }
            n = size();
            List<Contribution> contributions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                contributions.add(contribution());
            }
            return new Trace(steps, contributions);
        }

        Contribution contribution() {
            TransactionId transaction = transactionId();
            LocalDate date = date();
            String rule = string();
            PersonId via = person();
            BigDecimal share = decimal();
            Money source = money();
            BigDecimal fx = decimal();
            Money credited = money();
            int n = size();
            List<TierSlice> slices = null;
            if (n > 0) {
                slices = n == 1 ? List.of() : new ArrayList<>(n - 1);
                for (int i = 0; i < n - 1; i++) {
                    slices.add(new TierSlice(Math.toIntExact(signed()), string(), decimal(), decimal(), decimal()));
                }
            }
            BigDecimal amount = decimal();
            byte role = raw();
            ViaTerritory territory = role == 0 ? null : new ViaTerritory(string(), string(), ROLES[role - 1]);
            return new Contribution(
                    transaction, date, rule, via, share, source, fx, credited, slices, amount, territory);
        }
    }
}
