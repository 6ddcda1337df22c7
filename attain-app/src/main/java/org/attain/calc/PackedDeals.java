package org.attain.calc;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.engine.calc.Contribution;
import org.attain.engine.calc.TierSlice;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;

/**
 * An earnings line's explained deals in one compact binary value (column {@code earnings_line_deal_pack.deals},
 * migration .111): every deal's id, close date, credit rule, share, credited amount and currency, tier
 * slices and amount, with every number exact (unscaled value and scale, so a BigDecimal comes back with
 * the scale it was written with). PostgreSQL stores the bytes as they are instead of parsing a numeric
 * per array element, which made writing ten million explained deals cost more than computing them.
 * The SQL function {@code explained_deals(bytea)} reads every format for ad-hoc SQL.
 * <p>
 * Format 3 (written since migration .132) is format 2 with byte 3 and, per slice after its rate, varint
 * bounds (as rule) and decimal slice amount, and per deal after its slices: varint via (the person the
 * credit came through, as rule), decimal FX factor, decimal source amount, varint source currency (as
 * rule; a decimal whose scale byte is -126 is the credited amount again, as for most deals: unsplit
 * and in the plan's currency). With these a deal holds everything the line's trace shows of it, so
 * the trace's JSON keeps only its steps and the statement reads its first deals from here
 * ({@link #contributions}): JSON for ten deals a line cost a quarter of PostgreSQL's time in a full
 * run (parsing, compressing).
 * <p>
 * Format 2 (written from migration .131 to .132; ~40 bytes a deal, half of format 1): byte 2; varint deal
 * count; varint string count, each string varint length + UTF-8 (credit rules and currencies); then per
 * deal: string transaction id; varint date tag (0: none, else 1 + zigzag of the close date's days since
 * the previous deal's, the first counted from 1970-01-01: deals are in credit order, so mostly one
 * byte); varint rule (0: none, else 1 + index); decimal share; decimal credited; varint currency (as
 * rule); decimal amount; varint slice count, per slice zigzag varint tier, decimal base, decimal rate.
 * A varint is 7 bits a byte, low first; zigzag maps 0, -1, 1, -2 .. to 0, 1, 2, 3 ... A decimal is a
 * signed byte scale and the unscaled value as zigzag varint; scale -128 is null, -127 says a string
 * with the plain decimal follows (values beyond 64 bits).
 * <p>
 * Format 1 (runs before .131, still read): big-endian; byte 1; int32 deal count; int16 string count,
 * each string int16 length + UTF-8; per deal: string (int16 length) id, int32 close date (MIN_VALUE:
 * none), int16 rule (-1: none), decimal share, decimal credited, int16 currency, decimal amount, int16
 * slice count, per slice int32 tier, decimal base, decimal rate; a decimal is a byte scale and an int64.
 * <p>
 * Not thread-safe: one encoder per chunk of results. Its packs are appended one after the other into
 * one array, so a chunk's thousands of lines need no array each.
 */
public final class PackedDeals {

    static final byte FORMAT = 3;
    private static final byte NULL = -128;
    private static final byte TEXT = -127;
    /** Format 3, source amount only: the same value and scale as the deal's credited amount. */
    private static final byte AS_CREDITED = -126;

    // Written by hand into an array: a ByteBuffer's checked put per varint byte cost more than the deals.
    // Packs follow each other in a segment of SEGMENT bytes; when the next one does not fit, a new segment
    // takes it (what is written of it so far copied over) and earlier packs keep pointing at the old one.
    // Segments used to be one array doubled as it filled: a chunk's grew to megabytes, each such array was
    // a "humongous" object to G1 (half a region or more: 512 KB with the 1 MB regions of a 3 GB heap), and
    // each humongous allocation started a concurrent marking of the whole heap: one core marking half of
    // a full run at ten million deals (session 17).
    static final int SEGMENT = 1 << 18;
    private byte[] buf = new byte[SEGMENT];
    private int pos;
    /** Where the pack being written starts in {@link #buf}. */
    private int start;

    private final Map<String, Integer> strings = new LinkedHashMap<>();
    // Per kind of string (rule, currency, via, bounds) the last one coded: deals of a line mostly repeat them.
    private static final int RULE = 0;
    private static final int CURRENCY = 1;
    private static final int VIA = 2;
    private static final int BOUNDS = 3;
    private final String[] lastString = new String[4];
    private final int[] lastCode = new int[4];

    /** One explained deal read back; via, FX factor, source and the slices' bounds and amounts since format 3. */
    record Deal(
            String transaction,
            LocalDate closeDate,
            String rule,
            BigDecimal share,
            BigDecimal credited,
            String currency,
            List<Slice> slices,
            BigDecimal amount,
            String via,
            BigDecimal fxFactor,
            BigDecimal sourceAmount,
            String sourceCurrency) {}

    record Slice(int tier, BigDecimal base, BigDecimal rate, String bounds, BigDecimal amount) {}

    /** The packed value of one line's deals, after those of earlier calls (which stay valid). */
    ByteBuffer pack(List<Contribution> contributions) {
        strings.clear();
        Arrays.fill(lastString, null);
        // Indexed loops: the lists are immutable ones whose iterators were allocated per line and per deal.
        int count = contributions.size();
        for (int k = 0; k < count; k++) {
            Contribution c = contributions.get(k);
            code(c.rule(), RULE);
            code(c.credited() == null ? null : c.credited().currency().code(), CURRENCY);
            code(c.via() == null ? null : c.via().value(), VIA);
            code(c.source() == null ? null : c.source().currency().code(), CURRENCY);
            List<TierSlice> slices = c.slices();
            for (int n = 0; n < slices.size(); n++) {
                code(slices.get(n).bounds(), BOUNDS);
            }
        }
        start = pos;
        ensure(11);
        buf[pos++] = FORMAT;
        varint(contributions.size());
        varint(strings.size());
        strings.keySet().forEach(this::string);
        long previousDay = 0;
        for (int k = 0; k < count; k++) {
            Contribution c = contributions.get(k);
            string(c.transaction().value());
            ensure(30);
            if (c.date() == null) {
                varint(0);
            } else {
                long day = c.date().toEpochDay();
                varint(1 + zigzag(day - previousDay));
                previousDay = day;
            }
            varint(1 + code(c.rule(), RULE));
            decimal(c.share());
            decimal(c.credited() == null ? null : c.credited().amount());
            ensure(10);
            varint(1
                    + code(c.credited() == null ? null : c.credited().currency().code(), CURRENCY));
            decimal(c.amount());
            ensure(10);
            List<TierSlice> slices = c.slices();
            int sliceCount = slices.size();
            varint(sliceCount);
            for (int n = 0; n < sliceCount; n++) {
                TierSlice s = slices.get(n);
                ensure(10);
                varint(zigzag(s.tier()));
                decimal(s.base());
                decimal(s.rate());
                ensure(10);
                varint(1 + code(s.bounds(), BOUNDS));
                decimal(s.amount());
            }
            ensure(10);
            varint(1 + code(c.via() == null ? null : c.via().value(), VIA));
            decimal(c.fxFactor());
            BigDecimal source = c.source() == null ? null : c.source().amount();
            if (source != null
                    && c.credited() != null
                    && source.equals(c.credited().amount())) {
                ensure(1);
                buf[pos++] = AS_CREDITED;
            } else {
                decimal(source);
            }
            ensure(10);
            varint(1 + code(c.source() == null ? null : c.source().currency().code(), CURRENCY));
        }
        return ByteBuffer.wrap(buf, start, pos - start);
    }

    /**
     * The deals' transaction ids in order, skipping their numbers: a line's qualifying ids when it stores
     * them only here ({@code earnings_line.qualifying_in_pack}, migration .130).
     */
    public static List<String> transactionIds(byte[] packed) {
        Reader in = new Reader(packed);
        List<String> ids = new ArrayList<>(in.count);
        for (int i = 0; i < in.count; i++) {
            ids.add(in.deal(false).transaction());
        }
        return ids;
    }

    /** The number of deals in a packed value without reading them. */
    static int count(byte[] packed) {
        return new Reader(packed).count;
    }

    /** Deals {@code from} (0-based) up to {@code to} (exclusive) of a packed value. */
    static List<Deal> unpack(byte[] packed, int from, int to) {
        Reader in = new Reader(packed);
        List<Deal> deals = new ArrayList<>(Math.max(0, Math.min(in.count, to) - from));
        for (int i = 0; i < in.count && i < to; i++) {
            Deal deal = in.deal(i >= from);
            if (i >= from) {
                deals.add(deal);
            }
        }
        return deals;
    }

    /** Whether a packed value holds everything a trace shows of its deals (format 3 and later). */
    public static boolean holdsTraces(byte[] packed) {
        return packed.length > 0 && packed[0] >= 3;
    }

    /**
     * The first {@code limit} deals of a format 3 value as the engine's contributions, so that a line's
     * trace shows them through the same {@code Trace.toMap} as when they were stored in its JSON.
     */
    public static List<Contribution> contributions(byte[] packed, int limit) {
        if (!holdsTraces(packed)) {
            throw new IllegalArgumentException("explained deals before format 3 hold no via, FX factor or bounds");
        }
        List<Contribution> out = new ArrayList<>();
        for (Deal d : unpack(packed, 0, limit)) {
            List<TierSlice> slices = new ArrayList<>(d.slices().size());
            for (Slice s : d.slices()) {
                slices.add(new TierSlice(s.tier(), s.bounds(), s.base(), s.rate(), s.amount()));
            }
            out.add(new Contribution(
                    TransactionId.of(d.transaction()),
                    d.closeDate(),
                    d.rule(),
                    d.via() == null ? null : PersonId.of(d.via()),
                    d.share(),
                    money(d.sourceAmount(), d.sourceCurrency()),
                    d.fxFactor(),
                    money(d.credited(), d.currency()),
                    List.copyOf(slices),
                    d.amount()));
        }
        return out;
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : Money.of(amount, CurrencyUnit.of(currency));
    }

    /** Reads format 1, 2 or 3 deal by deal. */
    private static final class Reader {
        private final ByteBuffer in;
        private final boolean compact;
        private final boolean complete;
        private final int count;
        private final List<String> table = new ArrayList<>();
        private long previousDay;

        Reader(byte[] packed) {
            in = ByteBuffer.wrap(packed);
            byte format = in.get();
            if (format < 1 || format > 3) {
                throw new IllegalStateException("unknown explained deals format " + format);
            }
            compact = format >= 2;
            complete = format >= 3;
            count = compact ? (int) readVarint() : in.getInt();
            for (int n = compact ? (int) readVarint() : in.getShort(); n > 0; n--) {
                table.add(string());
            }
        }

        /** The next deal; when {@code whole} is false only its id is kept (the rest is read past). */
        Deal deal(boolean whole) {
            String id = string();
            LocalDate date;
            int rule;
            if (compact) {
                long tag = readVarint();
                if (tag == 0) {
                    date = null;
                } else {
                    previousDay += unzigzag(tag - 1);
                    date = whole ? LocalDate.ofEpochDay(previousDay) : null;
                }
                rule = (int) readVarint() - 1;
            } else {
                int day = in.getInt();
                date = day == Integer.MIN_VALUE || !whole ? null : LocalDate.ofEpochDay(day);
                rule = in.getShort();
            }
            BigDecimal share = decimal();
            BigDecimal credited = decimal();
            int currency = compact ? (int) readVarint() - 1 : in.getShort();
            BigDecimal amount = decimal();
            int slices = compact ? (int) readVarint() : in.getShort();
            List<Slice> list = whole ? new ArrayList<>(slices) : null;
            for (int n = 0; n < slices; n++) {
                int tier = compact ? (int) unzigzag(readVarint()) : in.getInt();
                BigDecimal base = decimal();
                BigDecimal rate = decimal();
                String bounds = complete ? string(readVarint()) : null;
                BigDecimal sliceAmount = complete ? decimal() : null;
                if (whole) {
                    list.add(new Slice(tier, base, rate, bounds, sliceAmount));
                }
            }
            String via = complete ? string(readVarint()) : null;
            BigDecimal fx = complete ? decimal() : null;
            BigDecimal source = complete ? decimalOr(credited) : null;
            String sourceCurrency = complete ? string(readVarint()) : null;
            if (!whole) {
                return new Deal(id, null, null, null, null, null, List.of(), null, null, null, null, null);
            }
            return new Deal(
                    id,
                    date,
                    rule < 0 ? null : table.get(rule),
                    share,
                    credited,
                    currency < 0 ? null : table.get(currency),
                    List.copyOf(list),
                    amount,
                    via,
                    fx,
                    source,
                    sourceCurrency);
        }

        /** A string of the table by its varint tag (0: none, else 1 + index). */
        private String string(long tag) {
            return tag == 0 ? null : table.get((int) tag - 1);
        }

        /** A decimal, or {@code credited} where the value says it is the credited amount again. */
        private BigDecimal decimalOr(BigDecimal credited) {
            if (in.get(in.position()) == AS_CREDITED) {
                in.get();
                return credited;
            }
            return decimal();
        }

        private BigDecimal decimal() {
            byte scale = in.get();
            if (scale == NULL) {
                return null;
            }
            if (scale == TEXT) {
                return new BigDecimal(string());
            }
            return BigDecimal.valueOf(compact ? unzigzag(readVarint()) : in.getLong(), scale);
        }

        private String string() {
            int length = compact ? (int) readVarint() : in.getShort() & 0xFFFF;
            String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
            return s;
        }

        private long readVarint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = in.get();
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private void varint(long value) {
        while ((value & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buf[pos++] = (byte) value;
    }

    private int code(String value, int kind) {
        if (value == null) {
            return -1;
        }
        // Deals of one line mostly share these strings (the same objects): the last one of the kind first.
        if (value == lastString[kind]) {
            return lastCode[kind];
        }
        Integer code = strings.get(value);
        if (code == null) {
            code = strings.size();
            strings.put(value, code);
        }
        lastString[kind] = value;
        lastCode[kind] = code;
        return code;
    }

    private void string(String value) {
        int length = value.length();
        ensure(5 + length);
        int at = pos;
        varint(length);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                // Not plain ASCII: its UTF-8 bytes instead (ids are ASCII almost always).
                pos = at;
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                ensure(5 + bytes.length);
                varint(bytes.length);
                System.arraycopy(bytes, 0, buf, pos, bytes.length);
                pos += bytes.length;
                return;
            }
            buf[pos++] = (byte) c;
        }
    }

    private void decimal(BigDecimal value) {
        ensure(11);
        if (value == null) {
            buf[pos++] = NULL;
            return;
        }
        int scale = value.scale();
        if (scale > -127 && scale <= 127 && value.precision() <= 18) {
            // The unscaled value as a long without unscaledValue()'s BigInteger: the same digits at scale 0.
            buf[pos++] = (byte) scale;
            varint(zigzag(value.scaleByPowerOfTen(scale).longValue()));
            return;
        }
        buf[pos++] = TEXT;
        string(value.toPlainString());
    }

    private void ensure(int bytes) {
        if (buf.length - pos < bytes) {
            // A new segment; a pack longer than one (thousands of deals in a line) gets one of its own size.
            int written = pos - start;
            byte[] next = new byte[Math.max(SEGMENT, 2 * (written + bytes))];
            System.arraycopy(buf, start, next, 0, written);
            buf = next;
            start = 0;
            pos = written;
        }
    }
}
