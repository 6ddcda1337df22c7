package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Any record type reads from XLSX too: numbers arrive as the cells hold them, whatever their display format. */
@DateDependent
class XlsxRecordImportTest extends AttainIntegrationTest {

    private static final String QUARTER = TODAY.getYear() + "-Q" + ((TODAY.getMonthValue() - 1) / 3 + 1);

    @Autowired
    JdbcClient jdbc;

    @Test
    void quotasFromASpreadsheetWithFormattedAmounts() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("Quotas");
            // This quarter: P00131 is employed in it whatever day the demo company was generated on.
            String[][] rows = {{"Rep", "Quarter", "Quota"}, {"P00131", QUARTER, null}, {"P00131", "2027-Q9", null}};
            var money = book.createCellStyle();
            money.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("#,##0.00 [$€-407]"));
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue(rows[r][0]);
                row.createCell(1).setCellValue(rows[r][1]);
                if (r == 0) {
                    row.createCell(2).setCellValue(rows[r][2]);
                } else {
                    row.createCell(2).setCellValue(98765.5);
                    row.getCell(2).setCellStyle(money);
                }
            }
            book.write(file);
        }
        String profile =
                "record: quotas\nsource: planning\nformat: {numbers: de}\ncolumns: {person: Rep, period: Quarter, amount: Quota}\n";

        ImportApiCalls.Done done = new ImportApiCalls(baseUrl(), login("compadmin", "demo"))
                .load(profile, "quotas.xlsx", file.toByteArray(), false);

        assertThat(done.record().get("rejected").asLong()).isEqualTo(1);
        assertThat(done.problems())
                .singleElement()
                .asString()
                .startsWith("3 | Quarter | 2027-Q9 | unknown period '2027-Q9'");
        assertThat(jdbc.sql("""
                select q.amount::text from quota q join person p on p.id = q.person_id
                where p.external_id = 'P00131' and q.period_id = :q and q.measure = 'bookings'""").param("q", QUARTER).query(String.class).single())
                .isEqualTo("98765.5000");
    }
}
