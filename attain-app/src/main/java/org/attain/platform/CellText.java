package org.attain.platform;

import java.util.regex.Pattern;

/**
 * Text for a spreadsheet cell that a spreadsheet program will not run. A cell starting with = + - @ (or a tab or
 * carriage return, which some programs skip before looking) would be read as a formula, so such text gets a
 * leading single quote. Every CSV export passes its rows through {@link #row}: names, codes and titles that
 * users typed are neutralised there, while numbers written as text ({@code -12.50}) stay numbers.
 */
public final class CellText {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private CellText() {}

    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    /**
     * A cell as it was before {@link #safe} (for reading a file back): a single quote followed by what a spreadsheet
     * would run is the neutralising quote, not part of the text. Exported and imported again, a territory named
     * {@code =East} stays {@code =East}.
     */
    public static String read(String cell) {
        if (cell == null || cell.length() < 2 || cell.charAt(0) != '\'') {
            return cell;
        }
        char next = cell.charAt(1);
        return next == '=' || next == '+' || next == '-' || next == '@' || next == '\t' || next == '\r'
                ? cell.substring(1)
                : cell;
    }

    /** Every cell of a record read back ({@link #read}). */
    public static String[] read(String[] cells) {
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = read(cells[i]);
        }
        return out;
    }

    /** One CSV record: every text value made safe, except text that is a plain number; other values as they are. */
    public static Object[] row(Object... values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] instanceof CharSequence text
                            && !PLAIN_NUMBER.matcher(text).matches()
                    ? safe(text.toString())
                    : values[i];
        }
        return out;
    }
}
