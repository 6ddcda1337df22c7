package org.attain.ingest.profiles;

/** How a file writes numbers: English "1,234.56", German "1.234,56", or plain "1234.56". */
public enum NumberStyle {
    EN(',', '.'),
    DE('.', ','),
    PLAIN((char) 0, '.');

    final char grouping;
    final char decimal;

    NumberStyle(char grouping, char decimal) {
        this.grouping = grouping;
        this.decimal = decimal;
    }
}
