package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Quotas upsert by (person, period, measure): a changed amount is a new version, audited and recalculated. */
@DateDependent
class QuotaImportTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private String quota(String person) {
        return jdbc.sql("""
                select q.amount::text || ' ' || q.currency || ' v' || q.version from quota q join person p on p.id = q.person_id
                where p.external_id = :p and q.period_id = '2027-Q1' and q.measure = 'bookings'""").param("p", person).query(String.class).single();
    }

    @Test
    void quotasLoadOnceAndAChangedAmountBumpsTheVersionAndRecalculatesThePerson() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String profile = ImportApiCalls.example("quotas.profile.yaml");
        String csv = ImportApiCalls.example("quotas.csv");

        ImportApiCalls.Done first = api.load(profile, "quotas.csv", csv);

        // the demo company has quotas for 2027 already: the file sets them (or finds them equal)
        assertThat(first.record().get("rejected").asLong()).isEqualTo(4);
        assertThat(first.record().get("inserted").asLong()
                        + first.record().get("updated").asLong()
                        + first.record().get("unchanged").asLong())
                .isEqualTo(4);
        assertThat(first.problems())
                .containsExactly(
                        "6 | Quarter | 2027-Q5 | unknown period '2027-Q5' | 2027-Q1",
                        "7 | Quota | -5,000.00 | a quota cannot be negative",
                        "8 | Rep | Lauren Philips | unknown person 'Lauren Philips' (matched by employee id or email or name)"
                                + " | Lauren Phillips (P00038)",
                        "9 | Quota | 150k | bad amount '150k': not a number like 1,234.56");
        String before = quota("P00124");
        assertThat(before).startsWith("150000.0000 EUR v");
        assertThat(api.load(profile, "quotas.csv", csv).summary()).isEqualTo("accepted=0 rejected=4 unchanged=4");

        ImportApiCalls.Done changed =
                api.load(profile, "quotas.csv", csv.replace("\"150,000.00\",EUR", "\"152,500.00\",EUR"));

        assertThat(changed.summary()).isEqualTo("accepted=1 rejected=4 unchanged=3");
        int version = Integer.parseInt(before.substring(before.indexOf(" v") + 2));
        assertThat(quota("P00124")).isEqualTo("152500.0000 EUR v" + (version + 1));
        assertThat(jdbc.sql("select entity_id from audit_log where action = 'quota.changed' and detail = :d")
                        .param("d", "import " + changed.id())
                        .query(String.class)
                        .single())
                .isEqualTo("P00124 / 2027-Q1 / bookings");
        assertThat(jdbc.sql("select count(*) from calc_run where trigger = :t")
                        .param("t", "import " + changed.id() + " of quotas")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
