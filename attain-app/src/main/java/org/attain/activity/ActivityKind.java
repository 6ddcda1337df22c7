package org.attain.activity;

import java.util.Locale;
import java.util.Optional;

/** The kinds of activity Attain counts; the activity table's check constraint holds the same list. */
public enum ActivityKind {
    CALL,
    EMAIL,
    MEETING,
    WEBINAR;

    static Optional<ActivityKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
