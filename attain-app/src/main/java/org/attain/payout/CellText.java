package org.attain.payout;

/**
 * Text for a spreadsheet cell that a spreadsheet program will not run: {@link org.attain.platform.CellText#safe}.
 * Amounts are not passed through here: exports write them from BigDecimal (CSV) or as numeric cells (XLSX), which
 * cannot carry a formula.
 */
public final class CellText {

    private CellText() {}

    public static String safe(String text) {
        return org.attain.platform.CellText.safe(text);
    }
}
