package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The HR example loads five new people by employee id, quarantines four bad rows with column and
 * reason, changes nothing the second time, and a moved employment date is audited and recalculated.
 */
class PeopleImportTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theHrExportLoadsFivePeopleOnceAndAChangedEndDateIsAuditedAndRecalculated() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String profile = ImportApiCalls.example("hr-people.profile.yaml");
        String csv = ImportApiCalls.example("hr-people.csv");

        ImportApiCalls.Done first = api.load(profile, "hr-people.csv", csv);

        assertThat(first.summary()).isEqualTo("accepted=5 rejected=4 unchanged=0");
        assertThat(first.problems())
                .containsExactly(
                        "7 | Team | DACH-AE-1 | unknown team 'DACH-AE-1' | DACH-AE-01",
                        "8 | Eintrittsdatum | 31.2.2026 | bad employment start '31.2.2026': not a real date in the form d.M.yyyy",
                        "9 | E-Mail | lauren.phillips@brightlane.example | e-mail lauren.phillips@brightlane.example already belongs to person P00038",
                        "10 | Austrittsdatum | 1.1.2026 | employment ends 2026-01-01, before it starts 2026-06-01");
        var jonas = jdbc.sql("""
                select p.email, p.role_type, t.code as team, p.currency, p.employment_start::text as start
                from person p join team t on t.id = p.team_id where p.external_id = 'P90002'""").query().singleRow();
        assertThat(jonas)
                .containsEntry("team", "DACH-AE-01")
                .containsEntry("role_type", "REP")
                .containsEntry("currency", "EUR")
                .containsEntry("start", "2026-03-15");

        assertThat(api.load(profile, "hr-people.csv", csv).summary()).isEqualTo("accepted=0 rejected=4 unchanged=5");

        ImportApiCalls.Done changed =
                api.load(profile, "hr-people.csv", csv.replace("1.5.2026;30.9.2026", "1.5.2026;31.10.2026"));
        assertThat(changed.summary()).isEqualTo("accepted=1 rejected=4 unchanged=4");
        assertThat(jdbc.sql("select employment_end::text from person where external_id = 'P90005'")
                        .query(String.class)
                        .single())
                .isEqualTo("2026-10-31");
        assertThat(jdbc.sql(
                                "select after ->> 'employment_end' from audit_log where action = 'person.changed' and entity_id = 'P90005'")
                        .query(String.class)
                        .single())
                .isEqualTo("2026-10-31");
        assertThat(jdbc.sql("select count(*) from calc_run where trigger = :t")
                        .param("t", "import " + changed.id() + " of people")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
