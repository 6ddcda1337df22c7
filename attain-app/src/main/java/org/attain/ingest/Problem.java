package org.attain.ingest;

/**
 * One thing wrong with one cell of a source row: the column as the file names it, the value found,
 * the reason in plain words and, for an unknown reference, the closest known value (or null).
 */
public record Problem(String column, String value, String reason, String suggestion) {
}
