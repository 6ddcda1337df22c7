package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Teams upsert by code; a renamed team is one audited change. */
class TeamImportTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void teamsLoadByCodeAndARenameIsAudited() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("admin", "demo"));
        String profile = ImportApiCalls.example("teams.profile.yaml");
        String csv = ImportApiCalls.example("teams.csv");

        ImportApiCalls.Done first = api.load(profile, "teams.csv", csv);

        assertThat(first.summary()).isEqualTo("accepted=3 rejected=3 unchanged=0");
        assertThat(first.problems())
                .containsExactly(
                        "5 | Region | EMEA | unknown region 'EMEA'",
                        "6 | Team Name |  | missing name",
                        "7 | Team Code | DACH-AE-06 | DACH-AE-06 appears more than once in the file; row 2 is loaded, fix this one in the"
                                + " file and load it again");
        assertThat(jdbc.sql("select r.code from team t join region r on r.id = t.region_id where t.code = 'NA-AE-10'")
                        .query(String.class)
                        .single())
                .isEqualTo("NA");
        assertThat(api.load(profile, "teams.csv", csv).summary()).isEqualTo("accepted=0 rejected=3 unchanged=3");

        ImportApiCalls.Done renamed =
                api.load(profile, "teams.csv", csv.replace("Commercial Pacific", "Commercial Pacific Northwest"));

        assertThat(renamed.summary()).isEqualTo("accepted=1 rejected=3 unchanged=2");
        assertThat(jdbc.sql(
                                "select before ->> 'name' from audit_log where action = 'team.changed' and entity_id = 'NA-AE-10'")
                        .query(String.class)
                        .single())
                .isEqualTo("Commercial Pacific");
    }
}
