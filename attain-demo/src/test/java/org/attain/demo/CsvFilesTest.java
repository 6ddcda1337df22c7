package org.attain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFilesTest {

    @TempDir
    Path temp;

    @Test
    void transactionsCsvReadsBackWithNamedColumnsJsonSplitsAndPlainAmounts() throws IOException {
        DemoCompany company = DemoFixtures.defaultCompany();
        DemoCsvWriter.Counts counts = DemoCsvWriter.write(company, temp);
        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(temp.resolve("transactions.csv"))) {
            rows = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }

        assertThat(rows).hasSize((int) counts.transactions());
        CSVRecord split = rows.stream()
                .filter(r -> !r.get("splits").isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(split.get("splits")).matches("\\[\\{\"person_id\":\"P\\d{5}\",\"share\":0\\.\\d0},.*]");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("amount")).matches("-?\\d+\\.\\d{2}");
            assertThat(r.get("close_date")).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(r.get("attributes")).startsWith("{").endsWith("}");
        });
    }
}
