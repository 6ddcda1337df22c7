package org.attain.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.attain.ingest.Problem;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.NumberStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An XLSX sheet streams row by row; dates and amounts arrive as what the cells hold, not how they look. */
class XlsxRowsTest {

    @TempDir
    Path dir;

    private final ImportProfile.Format format =
            new ImportProfile.Format("xlsx", ',', StandardCharsets.UTF_8, true, null, "M/d/yyyy", NumberStyle.EN);

    @Test
    void datesBecomeIsoAndAmountsPlainWhateverTheirDisplayFormat() throws Exception {
        Path file = dir.resolve("deals.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            var sheet = book.createSheet("Deals");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("Deal ID");
            header.createCell(1).setCellValue("Close Date");
            header.createCell(2).setCellValue("Amount");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("D-1");
            var date = row.createCell(1);
            date.setCellValue(LocalDate.of(2026, 3, 7));
            var style = book.createCellStyle();
            style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("d. mmmm yyyy"));
            date.setCellStyle(style);
            var amount = row.createCell(2);
            amount.setCellValue(48000.5);
            var money = book.createCellStyle();
            money.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("#,##0.00 [$€-407]"));
            amount.setCellStyle(money);
            book.write(out);
        }
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        new XlsxRows(file, format).read(new RowSource.Handler() {
            @Override
            public void header(List<String> names) {
                header.addAll(names);
            }

            @Override
            public void row(long number, String[] cells) {
                rows.add(cells);
            }
        });
        assertThat(header).containsExactly("Deal ID", "Close Date", "Amount");
        assertThat(rows).singleElement().satisfies(r -> assertThat(r).containsExactly("D-1", "2026-03-07", "48000.5"));
    }

    @Test
    void aCellLongerThanACellMayHoldArrivesCutToOneCharacterMoreAndIsRefusedByTheMapping() throws Exception {
        Path written = dir.resolve("short.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(written)) {
            var sheet = book.createSheet("Deals");
            sheet.createRow(0).createCell(0).setCellValue("Note");
            sheet.createRow(1).createCell(0).setCellValue("PLACEHOLDER");
            book.write(out);
        }
        // neither Excel nor POI writes a longer cell, but a generated file can hold one
        Path file = dir.resolve("long.xlsx");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(written));
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replace("PLACEHOLDER", "n".repeat(40_000))
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        List<String[]> rows = new ArrayList<>();
        new XlsxRows(file, format).read(new RowSource.Handler() {
            @Override
            public void header(List<String> names) {}

            @Override
            public void row(long number, String[] cells) {
                rows.add(cells);
            }
        });
        assertThat(rows.get(0)[0]).hasSize(Cells.MAX_LENGTH + 1);
        assertThat(Cells.unstorable(List.of("Note"), rows.get(0)))
                .extracting(Problem::code)
                .containsExactly("ingest.bound.cellLength");
    }

    @Test
    void aBrokenWorkbookIsReportedAsUnreadable() throws Exception {
        Path file = dir.resolve("broken.xlsx");
        Files.writeString(file, "this is not a zip file");
        assertThatThrownBy(() -> new XlsxRows(file, format).read(new RowSource.Handler() {
                    @Override
                    public void header(List<String> names) {}

                    @Override
                    public void row(long number, String[] cells) {}
                }))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("not a readable XLSX workbook");
    }
}
