package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every report downloads as CSV, XLSX and PDF with headings in the reader's language; text that a
 * spreadsheet would run as a formula arrives quoted, amounts arrive as numbers.
 */
class ReportExportTest {

    private final TableExport export = new TableExport(messages());

    private static final Table EVIL = new Table(
            ReportKind.PERFORMERS,
            "all",
            List.of(
                    Table.text("name"),
                    Table.text("team"),
                    Table.percent("attainment"),
                    Table.money("earnings"),
                    Table.text("currency")),
            List.of(
                    Arrays.asList(
                            "=HYPERLINK(\"http://x\")",
                            "+Team",
                            new BigDecimal("1.2345"),
                            new BigDecimal("-12.5"),
                            "EUR"),
                    Arrays.asList("@Anna", "-Sales", null, new BigDecimal("1000"), "USD")));

    @Test
    void csvQuotesFormulasAndKeepsAmountsPlain() {
        List<String> lines = export.csv(EVIL, Locale.ENGLISH).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Name,Team,Attainment,Commission,Currency");
        assertThat(lines.get(1)).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+Team,1.2345,-12.50,EUR");
        assertThat(lines.get(2)).isEqualTo("'@Anna,'-Sales,,1000.00,USD");
    }

    @Test
    void xlsxHasGermanHeadingsQuotedTextAndNumericAmounts() throws Exception {
        byte[] bytes = export.write(EVIL, "2026-Q4", TableExport.Format.XLSX, Locale.GERMAN)
                .bytes();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Zielerreichung");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Provision");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("'-Sales");
            assertThat(sheet.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(BigDecimal.valueOf(sheet.getRow(1).getCell(3).getNumericCellValue()))
                    .isEqualByComparingTo("-12.5");
        }
    }

    @Test
    void pdfIsADocumentWithTheReportTitle() {
        TableExport.File f = export.write(EVIL, "2026-Q4", TableExport.Format.PDF, Locale.ENGLISH);
        assertThat(new String(f.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(f.name()).isEqualTo("performers-2026-Q4.pdf");
        assertThat(f.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void valuesReadTheWayEachLanguageWritesThem() {
        assertThat(TableExport.shown(Table.money("a"), new BigDecimal("1234.5"), Locale.ENGLISH))
                .isEqualTo("1,234.50");
        assertThat(TableExport.shown(Table.money("a"), new BigDecimal("1234.5"), Locale.GERMAN))
                .isEqualTo("1.234,50");
        assertThat(TableExport.shown(Table.percent("a"), new BigDecimal("0.955"), Locale.GERMAN))
                .contains("95,5");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/report");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }
}
