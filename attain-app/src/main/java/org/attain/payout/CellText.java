package org.attain.payout;

/**
 * Text for a spreadsheet cell that a spreadsheet program will not run. A cell starting with
 * = + - @ (or a tab or carriage return, which some programs skip before looking) would be read as a
 * formula, so such text gets a leading single quote. Amounts are not passed through here: exports
 * write them from BigDecimal (CSV) or as numeric cells (XLSX), which cannot carry a formula.
 */
public final class CellText {

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
}
