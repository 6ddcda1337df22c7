package org.attain.engine.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A closed interval of dates: both {@code first} and {@code last} belong to it. {@code last} may be
 * {@link LocalDate#MAX} for "open-ended", e.g. an employment without an end date.
 */
public record DateRange(LocalDate first, LocalDate last) implements java.io.Serializable {

    public DateRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("range ends before it starts: " + first + " .. " + last);
        }
    }

    public static DateRange of(LocalDate first, LocalDate lastOrNull) {
        return new DateRange(first, lastOrNull == null ? LocalDate.MAX : lastOrNull);
    }

    public static DateRange from(LocalDate first) {
        return new DateRange(first, LocalDate.MAX);
    }

    public static DateRange always() {
        return new DateRange(LocalDate.MIN, LocalDate.MAX);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    /** Number of days in the range, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    public Optional<DateRange> intersect(DateRange other) {
        LocalDate f = first.isAfter(other.first) ? first : other.first;
        LocalDate l = last.isBefore(other.last) ? last : other.last;
        return l.isBefore(f) ? Optional.empty() : Optional.of(new DateRange(f, l));
    }

    public boolean overlaps(DateRange other) {
        return intersect(other).isPresent();
    }

    @Override
    public String toString() {
        return first + ".." + (last.equals(LocalDate.MAX) ? "" : last.toString());
    }
}
