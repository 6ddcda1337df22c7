package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** New managers from a date close the lines in force that day; the same file again changes nothing. */
@DateDependent
class ReportingLineImportTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewLineClosesTheOpenOneAndTheManagersArePaidAnew() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String profile = ImportApiCalls.example("hr-reporting-lines.profile.yaml");
        String csv = ImportApiCalls.example("hr-reporting-lines.csv");

        // When P00125's line to P00119 began depends on the day the demo company was generated.
        String linedUpSince = jdbc.sql("""
                select rl.valid_from::text from reporting_line rl join person p on p.id = rl.person_id
                where p.external_id = 'P00125' and rl.valid_until is null""").query(String.class).single();

        ImportApiCalls.Done first = api.load(profile, "hr-reporting-lines.csv", csv);

        assertThat(first.summary()).isEqualTo("accepted=3 rejected=4 unchanged=0");
        assertThat(first.problems())
                .containsExactly(
                        "5 | Manager | P00127 | a person cannot be their own manager",
                        "6 | Manager | Franziska Moeller | unknown manager 'Franziska Moeller' (matched by employee id or email or name)"
                                + " | Franziska Möller (P00120)",
                        "7 | Effective Date | 2027-02-30 | bad valid from '2027-02-30': not a real date in the form yyyy-MM-dd",
                        "8 | Employee ID | P99999 | unknown person 'P99999' (matched by employee id or email or name)");
        assertThat(jdbc.sql("""
                select m.external_id || ' ' || rl.valid_from || ' ' || coalesce(rl.valid_until::text, 'open')
                from reporting_line rl join person p on p.id = rl.person_id join person m on m.id = rl.manager_id
                where p.external_id = 'P00125' order by rl.valid_from""").query(String.class).list())
                .endsWith("P00119 " + linedUpSince + " 2027-01-01", "P00120 2027-01-01 open");
        assertThat(jdbc.sql("select total from calc_run where trigger = :t")
                        .param("t", "import " + first.id() + " of reporting_lines")
                        .query(Integer.class)
                        .single())
                .isPositive();

        assertThat(api.load(profile, "hr-reporting-lines.csv", csv).summary())
                .isEqualTo("accepted=0 rejected=4 unchanged=3");
    }
}
