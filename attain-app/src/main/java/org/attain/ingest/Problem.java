package org.attain.ingest;

import java.util.List;
import org.attain.ingest.files.Cells;

/**
 * One thing wrong with one cell of a source row: the column as the file names it, the value found,
 * the reason in plain English and, for an unknown reference, the closest known value (or null).
 * Reasons with a {@code code} (a key of the ingest message bundle, filled with {@code args}) are shown
 * in the reader's language on the pages; older reasons have none and are shown as written.
 */
public record Problem(String column, String value, String reason, String suggestion, String code, List<String> args) {

    public Problem(String column, String value, String reason, String suggestion) {
        this(column, value, reason, suggestion, null, null);
    }

    public static Problem refused(String column, String value, Bounds.Refusal refusal, String suggestion) {
        return new Problem(column, value, refusal.english(), suggestion, refusal.code(), refusal.args());
    }

    /** The problem as the quarantine keeps it: values and reasons cut to a preview, never a whole huge cell. */
    public Problem bounded() {
        return new Problem(
                Cells.preview(column),
                Cells.preview(value),
                Cells.preview(reason, 5 * Cells.PREVIEW_LENGTH),
                Cells.preview(suggestion),
                code,
                args == null ? null : args.stream().map(Cells::preview).toList());
    }
}
