package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A name like =HYPERLINK(...) must reach payroll as text, never as a formula a spreadsheet runs:
 * every text cell starting with = + - @ gets a leading quote; amounts stay numbers.
 */
class FormulaInjectionTest {

    @Test
    void textThatASpreadsheetWouldRunIsQuoted() {
        assertThat(CellText.safe("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(CellText.safe("+1+2")).isEqualTo("'+1+2");
        assertThat(CellText.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(CellText.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CellText.safe("\t=1")).isEqualTo("'\t=1");
        assertThat(CellText.safe("Anna Schmidt")).isEqualTo("Anna Schmidt");
        assertThat(CellText.safe("")).isEmpty();
        assertThat(CellText.safe(null)).isEmpty();
    }

    @Test
    void aNeutralisedCellIsReadBackAsItWasAndOtherQuotesStay() {
        for (String text : java.util.List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1")) {
            assertThat(org.attain.platform.CellText.read(CellText.safe(text))).isEqualTo(text);
        }
        assertThat(org.attain.platform.CellText.read("'quoted on purpose'")).isEqualTo("'quoted on purpose'");
        assertThat(org.attain.platform.CellText.read("'")).isEqualTo("'");
        assertThat(org.attain.platform.CellText.read((String) null)).isNull();
    }

    @Test
    void bothPayrollLayoutsQuoteDangerousTextAndKeepAmountsNumeric() {
        Approvals.Item evil = new Approvals.Item(
                1,
                "@E1",
                "=cmd|' /C calc'!A0",
                "Team",
                "2026-Q4",
                9,
                "EUR",
                new BigDecimal("-12.5"),
                ApprovalState.APPROVED,
                "+admin",
                Instant.parse("2026-11-02T10:00:00Z"),
                new BigDecimal("-12.5"),
                null,
                false,
                false);

        String generic = PayrollExport.generic(List.of(evil));
        String row = generic.lines().toList().get(1);
        assertThat(row).startsWith("'@E1,");
        assertThat(row).contains("'=cmd|' /C calc'!A0").contains("'+admin").contains(",-12.50,");

        String datev = PayrollExport.datev(List.of(evil), "12/2026", "1100", ZoneOffset.UTC);
        String germanRow = datev.lines().toList().get(1);
        assertThat(germanRow)
                .startsWith("'@E1;")
                .contains("'=cmd")
                .contains(";-12,50;")
                .contains(";'+admin;");
    }
}
