package org.attain.records;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * An owner's checks refused one imported row: the field at fault (as the record kind names it, e.g. "parent") and
 * the reason, which the import shows as it is (not as the database's words) against that field's column.
 */
public class RowRefused extends DataIntegrityViolationException {

    private final String field;

    public RowRefused(String field, String reason) {
        super(reason);
        this.field = field;
    }

    /** The record kind's field the reason is about; null when it is about the row as a whole. */
    public String field() {
        return field;
    }
}
