package org.attain.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.attain.payout.CellText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link Table} as CSV, XLSX or PDF with headings in the user's language. Text cells go
 * through {@link CellText#safe} so nothing in a file runs as a formula; amounts are written as
 * numbers (plain decimals in CSV, numeric cells in XLSX) and cannot carry one.
 */
@Component
public class TableExport {

    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PDF("application/pdf", "pdf");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    public record File(String name, String contentType, byte[] bytes) {}

    private final MessageSource messages;

    TableExport(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Rows handed to a writer one at a time, in order: a large export streams from the database into
     * the file without holding every row as objects.
     */
    @FunctionalInterface
    interface Rows {
        void each(Consumer<List<Object>> row);
    }

    public File write(Table table, String period, Format format, Locale locale) {
        if (format == Format.PDF) {
            return new File(name(table.kind(), period, format), format.contentType, pdf(table, period, locale));
        }
        return write(table.kind(), table.columns(), period, format, locale, table.rows()::forEach);
    }

    /** A CSV or XLSX file of rows that arrive one by one; the whole file is built before anything is sent. */
    File write(ReportKind kind, List<Table.Column> columns, String period, Format format, Locale locale, Rows rows) {
        byte[] bytes = switch (format) {
            case CSV -> csv(columns, rows, locale);
            case XLSX -> xlsx(kind, columns, rows, locale);
            case PDF -> throw new IllegalArgumentException("a PDF is written from a whole table");
        };
        return new File(name(kind, period, format), format.contentType, bytes);
    }

    private static String name(ReportKind kind, String period, Format format) {
        return kind.slug() + "-" + period + "." + format.extension;
    }

    String csv(Table table, Locale locale) {
        return new String(csv(table.columns(), table.rows()::forEach, locale), StandardCharsets.UTF_8);
    }

    private byte[] csv(List<Table.Column> columns, Rows rows, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(
                new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(
                    columns.stream().map(c -> CellText.safe(label(c, locale))).toList());
            List<String> cells = new ArrayList<>(columns.size());
            rows.each(row -> {
                cells.clear();
                for (int i = 0; i < row.size(); i++) {
                    cells.add(plain(columns.get(i), row.get(i)));
                }
                try {
                    printer.printRecord(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A streaming workbook keeps only a window of rows in memory and the rest in a compressed temporary
     * file, deleted when the workbook is disposed; a year of a large company fits in a few MB of heap.
     */
    private byte[] xlsx(ReportKind kind, List<Table.Column> columns, Rows rows, Locale locale) {
        SXSSFWorkbook book = new SXSSFWorkbook(null, 200, true);
        try (book;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(CellText.safe(messages.getMessage(kind.title(), null, locale))
                    .replaceAll("[\\\\/?*\\[\\]:]", " "));
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle head = book.createCellStyle();
            head.setFont(bold);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(CellText.safe(label(columns.get(i), locale)));
                c.setCellStyle(head);
                sheet.setColumnWidth(i, 18 * 256);
            }
            int[] r = {1};
            rows.each(row -> {
                Row x = sheet.createRow(r[0]++);
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    if (v == null) {
                        continue;
                    }
                    Cell c = x.createCell(i);
                    switch (columns.get(i).kind()) {
                        case MONEY -> {
                            // A spreadsheet stores every number as a double; rounding to cents first keeps it exact to
                            // the cent.
                            c.setCellValue(((BigDecimal) v)
                                    .setScale(2, RoundingMode.HALF_EVEN)
                                    .doubleValue());
                            c.setCellStyle(money);
                        }
                        case PERCENT -> {
                            c.setCellValue(((BigDecimal) v)
                                    .setScale(6, RoundingMode.HALF_EVEN)
                                    .doubleValue());
                            c.setCellStyle(percent);
                        }
                        case COUNT -> c.setCellValue(((Number) v).longValue());
                        case TEXT -> c.setCellValue(CellText.safe(String.valueOf(v)));
                    }
                }
            });
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
        }
    }

    byte[] pdf(Table table, String period, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph(
                messages.getMessage(table.kind().title(), null, locale) + " · " + period,
                new com.lowagie.text.Font(StatementPdf.Fonts.BOLD, 14)));
        doc.add(new Paragraph(" "));
        PdfPTable pdfTable = new PdfPTable(table.columns().size());
        pdfTable.setWidthPercentage(100);
        pdfTable.setHeaderRows(1);
        for (Table.Column c : table.columns()) {
            PdfPCell cell =
                    new PdfPCell(new Phrase(label(c, locale), new com.lowagie.text.Font(StatementPdf.Fonts.BOLD, 9)));
            pdfTable.addCell(cell);
        }
        for (List<Object> row : table.rows()) {
            for (int i = 0; i < row.size(); i++) {
                Table.Column c = table.columns().get(i);
                PdfPCell cell = new PdfPCell(new Phrase(
                        shown(c, row.get(i), locale), new com.lowagie.text.Font(StatementPdf.Fonts.REGULAR, 9)));
                if (c.kind() != Table.Kind.TEXT) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                pdfTable.addCell(cell);
            }
        }
        doc.add(pdfTable);
        doc.close();
        return out.toByteArray();
    }

    /** A value as people read it in their language: 1,234.50 / 1.234,50 and 95.0 % / 95,0 %. */
    static String shown(Table.Column c, Object v, Locale locale) {
        if (v == null) {
            return "–";
        }
        return switch (c.kind()) {
            case MONEY -> {
                NumberFormat f = NumberFormat.getNumberInstance(locale);
                f.setMinimumFractionDigits(2);
                f.setMaximumFractionDigits(2);
                yield f.format(v);
            }
            case PERCENT -> {
                NumberFormat f = NumberFormat.getPercentInstance(locale);
                f.setMinimumFractionDigits(1);
                f.setMaximumFractionDigits(1);
                yield f.format(v);
            }
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(v);
            case TEXT -> String.valueOf(v);
        };
    }

    /** A value for a machine-read CSV: plain decimals with a dot, ratios as ratios, text made safe. */
    private static String plain(Table.Column c, Object v) {
        if (v == null) {
            return "";
        }
        return switch (c.kind()) {
            case MONEY -> ((BigDecimal) v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
            case PERCENT -> ((BigDecimal) v).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
            case COUNT -> String.valueOf(v);
            case TEXT -> CellText.safe(String.valueOf(v));
        };
    }

    private String label(Table.Column c, Locale locale) {
        return messages.getMessage(c.label(), null, locale);
    }
}
