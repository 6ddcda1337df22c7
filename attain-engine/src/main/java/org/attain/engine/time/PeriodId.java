package org.attain.engine.time;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period by name: a calendar month "2026-02", a fiscal quarter "2026-Q1" or a fiscal year "2026".
 * The dates behind a quarter or year depend on the {@link FiscalCalendar}; a month is always a calendar month.
 */
public record PeriodId(PeriodKind kind, int year, int index) implements Comparable<PeriodId>, java.io.Serializable {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public PeriodId {
        Objects.requireNonNull(kind, "kind");
        int max = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 1;
        };
        if (index < 1 || index > max) {
            throw new IllegalArgumentException("period index out of range: " + kind + " " + index);
        }
    }

    public static PeriodId month(int year, int month) {
        return new PeriodId(PeriodKind.MONTH, year, month);
    }

    public static PeriodId quarter(int fiscalYear, int quarter) {
        return new PeriodId(PeriodKind.QUARTER, fiscalYear, quarter);
    }

    public static PeriodId year(int fiscalYear) {
        return new PeriodId(PeriodKind.YEAR, fiscalYear, 1);
    }

    public static PeriodId parse(String text) {
        String t = text.trim();
        Matcher m = QUARTER.matcher(t);
        if (m.matches()) {
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = MONTH.matcher(t);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("month out of range in period '" + text + "'");
            }
            return month(Integer.parseInt(m.group(1)), month);
        }
        m = YEAR.matcher(t);
        if (m.matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("not a period: '" + text + "' (expected 2026-02, 2026-Q1 or 2026)");
    }

    @Override
    public int compareTo(PeriodId other) {
        int c = Integer.compare(year, other.year);
        if (c != 0) {
            return c;
        }
        c = kind.compareTo(other.kind);
        return c != 0 ? c : Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        // Built by hand: called for every result and trace line, where String.format showed in profiles.
        StringBuilder b = new StringBuilder(8);
        String y = Integer.toString(year);
        for (int i = y.length(); i < 4; i++) {
            b.append('0');
        }
        b.append(y);
        return switch (kind) {
            case MONTH -> b.append(index < 10 ? "-0" : "-").append(index).toString();
            case QUARTER -> b.append("-Q").append(index).toString();
            case YEAR -> b.toString();
        };
    }
}
