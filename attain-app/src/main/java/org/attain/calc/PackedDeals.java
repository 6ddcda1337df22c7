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

/**
 * An earnings line's explained deals in one compact binary value (column {@code earnings_line_deal_pack.deals},
 * migration .111): every deal's id, close date, credit rule, share, credited amount and currency, tier
 * slices and amount, with every number exact (unscaled value and scale, so a BigDecimal comes back with
 * the scale it was written with). PostgreSQL stores the bytes as they are instead of parsing a numeric
 * per array element, which made writing ten million explained deals cost more than computing them.
 * The SQL function {@code explained_deals(bytea)} reads the same format for ad-hoc SQL.
 * <p>
 * Format 1, big-endian: byte 1; int32 deal count; int16 string count, each string int16 length + UTF-8
 * (credit rules and currencies); then per deal: string (int16 length + UTF-8) transaction id, int32
 * close date as days since 1970-01-01 (MIN_VALUE: none), int16 rule (-1: none), decimal share, decimal
 * credited, int16 currency (-1: none), decimal amount, int16 slice count, per slice int32 tier, decimal
 * base, decimal rate. A decimal is a signed byte scale and an int64 unscaled value; scale -128 is null,
 * -127 says a string with the plain decimal follows (values beyond 64 bits).
 * <p>
 * Not thread-safe: one encoder per writer.
 */
public final class PackedDeals {

    static final byte FORMAT = 1;
    private static final int NO_DATE = Integer.MIN_VALUE;
    private static final byte NULL = -128;
    private static final byte TEXT = -127;

    private ByteBuffer out = ByteBuffer.allocate(1 << 16);
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private final String[] lastString = new String[2];
    private final int[] lastCode = new int[2];

    /** One explained deal read back. */
    record Deal(String transaction, LocalDate closeDate, String rule, BigDecimal share, BigDecimal credited,
            String currency, List<Slice> slices, BigDecimal amount) {
    }

    record Slice(int tier, BigDecimal base, BigDecimal rate) {
    }

    /** The packed value of one line's deals; valid until the next call. */
    ByteBuffer pack(List<Contribution> contributions) {
        strings.clear();
        Arrays.fill(lastString, null);
        for (Contribution c : contributions) {
            code(c.rule());
            code(c.credited() == null ? null : c.credited().currency().code());
        }
        out.clear();
        ensure(7);
        out.put(FORMAT).putInt(contributions.size()).putShort((short) strings.size());
        strings.keySet().forEach(this::string);
        for (Contribution c : contributions) {
            string(c.transaction().value());
            ensure(6);
            out.putInt(c.date() == null ? NO_DATE : Math.toIntExact(c.date().toEpochDay()));
            out.putShort((short) code(c.rule()));
            decimal(c.share());
            decimal(c.credited() == null ? null : c.credited().amount());
            ensure(2);
            out.putShort((short) code(c.credited() == null ? null : c.credited().currency().code()));
            decimal(c.amount());
            ensure(2);
            out.putShort((short) c.slices().size());
            for (TierSlice s : c.slices()) {
                ensure(4);
                out.putInt(s.tier());
                decimal(s.base());
                decimal(s.rate());
            }
        }
        out.flip();
        return out;
    }

    /**
     * The deals' transaction ids in order, skipping their numbers: a line's qualifying ids when it stores
     * them only here ({@code earnings_line.qualifying_in_pack}, migration .130).
     */
    public static List<String> transactionIds(byte[] packed) {
        ByteBuffer in = ByteBuffer.wrap(packed);
        if (in.get() != FORMAT) {
            throw new IllegalStateException("unknown explained deals format " + packed[0]);
        }
        int count = in.getInt();
        for (int n = in.getShort(); n > 0; n--) {
            readString(in);
        }
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(readString(in));
            in.position(in.position() + 6);
            skipDecimal(in);
            skipDecimal(in);
            in.position(in.position() + 2);
            skipDecimal(in);
            for (int n = in.getShort(); n > 0; n--) {
                in.position(in.position() + 4);
                skipDecimal(in);
                skipDecimal(in);
            }
        }
        return ids;
    }

    private static void skipDecimal(ByteBuffer in) {
        byte scale = in.get();
        if (scale == TEXT) {
            readString(in);
        } else if (scale != NULL) {
            in.position(in.position() + 8);
        }
    }

    /** The number of deals in a packed value without reading them. */
    static int count(byte[] packed) {
        return ByteBuffer.wrap(packed).getInt(1);
    }

    /** Deals {@code from} (0-based) up to {@code to} (exclusive) of a packed value. */
    static List<Deal> unpack(byte[] packed, int from, int to) {
        ByteBuffer in = ByteBuffer.wrap(packed);
        if (in.get() != FORMAT) {
            throw new IllegalStateException("unknown explained deals format " + packed[0]);
        }
        int count = in.getInt();
        List<String> table = new ArrayList<>();
        for (int n = in.getShort(); n > 0; n--) {
            table.add(readString(in));
        }
        List<Deal> deals = new ArrayList<>(Math.max(0, Math.min(count, to) - from));
        for (int i = 0; i < count && i < to; i++) {
            String id = readString(in);
            int day = in.getInt();
            int rule = in.getShort();
            BigDecimal share = readDecimal(in);
            BigDecimal credited = readDecimal(in);
            int currency = in.getShort();
            BigDecimal amount = readDecimal(in);
            List<Slice> slices = new ArrayList<>();
            for (int n = in.getShort(); n > 0; n--) {
                slices.add(new Slice(in.getInt(), readDecimal(in), readDecimal(in)));
            }
            if (i >= from) {
                deals.add(new Deal(id, day == NO_DATE ? null : LocalDate.ofEpochDay(day), rule < 0 ? null : table.get(rule),
                        share, credited, currency < 0 ? null : table.get(currency), List.copyOf(slices), amount));
            }
        }
        return deals;
    }

    private int code(String value) {
        if (value == null) {
            return -1;
        }
        // Deals of one line mostly share their rule and currency strings (the same objects): the last
        // two answers are checked first, as rules and currencies are looked up in turn.
        if (value == lastString[0]) {
            return lastCode[0];
        }
        if (value == lastString[1]) {
            return lastCode[1];
        }
        Integer code = strings.get(value);
        if (code == null) {
            code = strings.size();
            strings.put(value, code);
        }
        lastString[1] = lastString[0];
        lastCode[1] = lastCode[0];
        lastString[0] = value;
        lastCode[0] = code;
        return code;
    }

    private void string(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ensure(2 + bytes.length);
        out.putShort((short) bytes.length).put(bytes);
    }

    private void decimal(BigDecimal value) {
        ensure(9);
        if (value == null) {
            out.put(NULL);
            return;
        }
        int scale = value.scale();
        if (scale > -127 && scale <= 127 && value.precision() <= 18) {
            // The unscaled value as a long without unscaledValue()'s BigInteger: the same digits at scale 0.
            out.put((byte) scale).putLong(value.scaleByPowerOfTen(scale).longValue());
            return;
        }
        out.put(TEXT);
        string(value.toPlainString());
    }

    private static BigDecimal readDecimal(ByteBuffer in) {
        byte scale = in.get();
        if (scale == NULL) {
            return null;
        }
        if (scale == TEXT) {
            return new BigDecimal(readString(in));
        }
        return BigDecimal.valueOf(in.getLong(), scale);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getShort() & 0xFFFF;
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private void ensure(int bytes) {
        if (out.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
    }
}
