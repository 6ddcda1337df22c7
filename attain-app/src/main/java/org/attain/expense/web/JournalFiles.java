package org.attain.expense.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.attain.expense.CommissionExpense;
import org.attain.expense.JournalEntries;
import org.attain.platform.CellText;

/**
 * The commission journal as files: XLSX (one line per entry, amounts as numeric cells) and a DATEV Buchungsstapel CSV:
 * the EXTF header line ({@link org.attain.expense.DatevHeader}), then the Buchungsstapel's columns where they fit (Umsatz without sign, Soll/Haben-Kennzeichen, WKZ, Konto, Gegenkonto,
 * Belegdatum as TTMM, Belegfeld 1, Buchungstext of at most 60 characters), semicolons and comma decimals in
 * Windows-1252 as DATEV's ASCII import reads them. Each entry books its debit account against its credit account, so
 * every line is "S" (Soll) on Konto.
 */
final class JournalFiles {

    static final Charset DATEV_CHARSET = Charset.forName("windows-1252");

    private static final DateTimeFormatter TTMM = DateTimeFormatter.ofPattern("ddMM");

    private JournalFiles() {}

    static byte[] xlsx(CommissionExpense.Report report) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Journal " + report.currency());
            CellStyle head = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            CellStyle day = book.createCellStyle();
            day.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            String[] header = {
                "period",
                "booked_on",
                "kind",
                "debit_account",
                "credit_account",
                "amount",
                "currency",
                "correction",
                "posted"
            };
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
                h.getCell(i).setCellStyle(head);
            }
            int r = 1;
            for (JournalEntries.Entry e : report.entries()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.period());
                row.createCell(1).setCellValue(e.bookedOn());
                row.getCell(1).setCellStyle(day);
                row.createCell(2).setCellValue(e.kind().name().toLowerCase(Locale.ROOT));
                row.createCell(3).setCellValue(e.debit());
                row.createCell(4).setCellValue(e.credit());
                // A numeric cell from the exact decimal: the journal's amounts have two decimals.
                row.createCell(5)
                        .setCellValue(
                                e.amount().setScale(2, RoundingMode.HALF_EVEN).doubleValue());
                row.getCell(5).setCellStyle(money);
                row.createCell(6).setCellValue(e.currency());
                row.createCell(7).setCellValue(e.correction());
                row.createCell(8).setCellValue(e.posted());
            }
            for (int i = 0; i < header.length; i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] datev(CommissionExpense.Report report, org.attain.expense.DatevHeader header) {
        StringWriter out = new StringWriter();
        out.write(header.line());
        out.write("\r\n");
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setRecordSeparator("\r\n")
                .get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            csv.printRecord(CellText.row(
                    "Umsatz (ohne Soll/Haben-Kz)",
                    "Soll/Haben-Kennzeichen",
                    "WKZ Umsatz",
                    "Konto",
                    "Gegenkonto (ohne BU-Schlüssel)",
                    "Belegdatum",
                    "Belegfeld 1",
                    "Buchungstext"));
            for (JournalEntries.Entry e : report.entries()) {
                csv.printRecord(CellText.row(
                        e.amount()
                                .setScale(2, RoundingMode.HALF_EVEN)
                                .toPlainString()
                                .replace('.', ','),
                        "S",
                        e.currency(),
                        e.debit(),
                        e.credit(),
                        e.bookedOn().format(TTMM),
                        "PROV-" + e.period(),
                        text(e)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(DATEV_CHARSET);
    }

    /** The Buchungstext: what the entry books, in German as DATEV users read it, at most 60 characters. */
    static String text(JournalEntries.Entry e) {
        String what = switch (e.kind()) {
            case EXPENSED -> "Provisionsaufwand sofort";
            case CAPITALISED -> "Provisionen aktiviert";
            case AMORTISED -> "Abschreibung aktiv. Provisionen";
            case WRITTEN_OFF -> "Ausbuchung aktiv. Prov. Kündigung";
        };
        String text = (e.correction() ? "Korrektur " : "") + what + " " + e.period();
        return text.length() > 60 ? text.substring(0, 60) : text;
    }
}
