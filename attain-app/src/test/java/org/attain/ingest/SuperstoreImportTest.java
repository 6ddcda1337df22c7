package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Superstore data set, a real export of 9,994 order lines (2014-2017), loads through the import
 * API with its example profile exactly as published: every line accepted, one payee per region, and
 * each region's sum of accepted amounts equal to the sum of the file read independently.
 */
class SuperstoreImportTest extends AttainIntegrationTest {

    static final Path SUPERSTORE = Path.of("src/test/resources/realdata/superstore.csv");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyOrderLineLoadsAndEachRegionsSalesAddUpToTheFile() throws Exception {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        ImportApiCalls.Done people = api.load("""
                record: people
                source: superstore
                columns:
                  external_id: {template: "superstore-{Region}", lowercase: true}
                  first_name: {constant: Region}
                  last_name: Region
                  email: {template: "{Region}@superstore.example", lowercase: true}
                  title: {constant: Regional Sales}
                  employment_start: {constant: "2014-01-01"}
                  currency: {constant: USD}
                """, "regions.csv", "Region\nCentral\nEast\nSouth\nWest\n");
        assertThat(people.summary()).isIn("accepted=4 rejected=0 unchanged=0", "accepted=0 rejected=0 unchanged=4");

        String source = ImportApiCalls.fresh("superstore");
        String profile = ImportApiCalls.withFreshSource(ImportApiCalls.example("superstore-transactions.profile.yaml"), source);
        ImportApiCalls.Done loaded = api.load(profile, "superstore.csv", Files.readAllBytes(SUPERSTORE), false);

        assertThat(loaded.summary()).isEqualTo("accepted=9994 rejected=0 unchanged=0");
        Map<String, BigDecimal> stored = new TreeMap<>();
        jdbc.sql("""
                select p.external_id, sum(t.amount) from sales_transaction t join person p on p.id = t.owner_id
                where t.source = :s and t.currency = 'USD' group by p.external_id""").param("s", source)
                .query((rs, n) -> stored.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros())).list();
        assertThat(stored).isEqualTo(salesByRegionInTheFile());
        assertThat(stored.keySet()).containsExactly("superstore-central", "superstore-east", "superstore-south", "superstore-west");
        assertThat(jdbc.sql("""
                select min(close_date)::text || ' ' || max(close_date)::text || ' ' || count(distinct attributes ->> 'segment')
                from sales_transaction where source = :s""").param("s", source).query(String.class).single())
                .isEqualTo("2014-01-03 2017-12-30 3");
    }

    /** The file read with a plain CSV parser, summed with BigDecimal: nothing of the import path. */
    private static Map<String, BigDecimal> salesByRegionInTheFile() throws Exception {
        Map<String, BigDecimal> sums = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(SUPERSTORE, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                sums.merge("superstore-" + r.get("Region").toLowerCase(java.util.Locale.ROOT), new BigDecimal(r.get("Sales")),
                        BigDecimal::add);
            }
        }
        sums.replaceAll((k, v) -> v.stripTrailingZeros());
        return sums;
    }
}
