package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An HR export with full names only loads without a script: names are split, e-mails built from
 * them, a leaver is skipped by the filter, and two people the template would give the same e-mail
 * both wait in quarantine naming each other.
 */
class PeopleFromFullNamesTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFullNameExampleLoadsThreePeopleSkipsTheLeaverAndQuarantinesBothAnnaSchmidts() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String profile = ImportApiCalls.example("hr-people-fullname.profile.yaml");
        String csv = ImportApiCalls.example("hr-people-fullname.csv");

        ImportApiCalls.Done first = api.load(profile, "hr-people-fullname.csv", csv);

        assertThat(first.summary()).isEqualTo("accepted=3 rejected=3 unchanged=0");
        assertThat(first.record().get("skipped").asLong()).isEqualTo(1);
        assertThat(first.record().get("rowsRead").asLong()).isEqualTo(7);
        assertThat(first.problems())
                .containsExactly(
                        "5 | email | anna.schmidt@brightlane-hr.example | e-mail anna.schmidt@brightlane-hr.example also made by row 6; "
                                + "change one of the rows or the template so they differ",
                        "6 | email | anna.schmidt@brightlane-hr.example | e-mail anna.schmidt@brightlane-hr.example also made by row 5; "
                                + "change one of the rows or the template so they differ",
                        "8 | first_name |  | cannot split 'Madonna' into first and last name: it is one word",
                        "8 | last_name |  | cannot split 'Madonna' into first and last name: it is one word",
                        "8 | email |  | cannot build email: first_name is empty");
        assertThat(jdbc.sql("""
                select external_id || ' ' || first_name || ' / ' || last_name || ' ' || email || ' ' || currency
                from person where external_id like 'P9100%' order by external_id""").query(String.class).list())
                .containsExactly(
                        "P91001 Anna Maria / Schmidt anna-maria.schmidt@brightlane-hr.example EUR",
                        "P91002 Jürgen / Weiß juergen.weiss@brightlane-hr.example EUR",
                        "P91003 Lena / von der Heide lena.von-der-heide@brightlane-hr.example EUR");
        assertThat(jdbc.sql("select count(*) from ingest_quarantine where import_id = :id and row_number = 7")
                        .param("id", first.id())
                        .query(Long.class)
                        .single())
                .isZero();

        ImportApiCalls.Done again = api.load(profile, "hr-people-fullname.csv", csv);
        assertThat(again.summary()).isEqualTo("accepted=0 rejected=3 unchanged=3");
        assertThat(again.record().get("skipped").asLong()).isEqualTo(1);

        // one of the two Annas gets her full name; replayed, both load with e-mails of their own
        var anna = api.quarantine(first.id()).get(0);
        assertThat(anna.get("rowNumber").asLong()).isEqualTo(5);
        assertThat(api.fix(first.id(), anna.get("id").asLong(), "{\"Full Name\":\"Anna Sophie Schmidt\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.replay(first.id()).summary()).isEqualTo("accepted=2 rejected=1 unchanged=0");
        assertThat(jdbc.sql(
                                "select string_agg(email, ' ' order by external_id) from person where external_id in ('P91004', 'P91005')")
                        .query(String.class)
                        .single())
                .isEqualTo("anna-sophie.schmidt@brightlane-hr.example anna.schmidt@brightlane-hr.example");
    }
}
