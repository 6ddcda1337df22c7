package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database's disk fills during a payroll export: PostgreSQL refuses the insert with disk_full, as
 * it does when it cannot extend a table's file (a trigger raises exactly that error here; bench/fault-test.sh
 * fills a real filesystem). The user is told the disk is full (English or German, no trace), nothing is
 * recorded and no payout is marked exported; once there is room the same export works.
 */
class PayrollExportOnAFullDiskTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    PayoutFixtures cast;
    long payee;

    @BeforeEach
    void approveAPayout() {
        cast = new PayoutFixtures(jdbc, this::login);
        List<Long> outsiders = cast.outsiders();
        assumeThat(outsiders).hasSizeGreaterThan(11);
        payee = outsiders.get(outsiders.size() - 1);
        if (!exported(payee) && approvals() == 0) {
            assertThat(login("compadmin", "demo")
                            .sendJson(
                                    "POST",
                                    "/api/v1/approvals",
                                    "{\"personId\":" + payee + ",\"period\":\"" + cast.quarter + "\"}")
                            .statusCode())
                    .isEqualTo(201);
        }
    }

    private long approvals() {
        return jdbc.sql("select count(*) from payout_approval where person_id = :p and period_id = :q")
                .param("p", payee)
                .param("q", cast.quarter)
                .query(Long.class)
                .single();
    }

    private boolean exported(long person) {
        return jdbc.sql("""
                select coalesce(bool_or(exported_at is not null), false) from payout_approval
                where person_id = :p and period_id = :q""")
                .param("p", person)
                .param("q", cast.quarter)
                .query(Boolean.class)
                .single();
    }

    private long exports() {
        return jdbc.sql("select count(*) from payroll_export where period_id = :q")
                .param("q", cast.quarter)
                .query(Long.class)
                .single();
    }

    @Test
    void theUserIsToldTheDiskIsFullNothingIsRecordedAndTheExportWorksOnceThereIsRoom() {
        assumeThat(exported(payee)).isFalse();
        long before = exports();
        jdbc.sql("""
                create function fault_test_disk_full() returns trigger language plpgsql as $$
                begin
                  raise exception 'could not extend file "base/5/17652": No space left on device'
                    using errcode = 'disk_full', hint = 'Check free disk space.';
                end $$""").update();
        jdbc.sql("create trigger fault_test_disk_full before insert on payroll_export "
                        + "for each row execute function fault_test_disk_full()")
                .update();
        try {
            var api = login("finance", "demo").sendJson("POST", "/api/v1/payroll/" + cast.quarter + "/export", null);
            assertThat(api.statusCode()).isEqualTo(507);
            assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(api.body())
                    .contains("The disk is full", "nothing was saved", "errorId")
                    .doesNotContain("Exception", "17652", "Something went wrong");

            WebSession german = login("finance", "demo");
            german.get("/?lang=de");
            var page = german.postForm("/payroll/" + cast.quarter + "/export", Map.of(), Map.of("Accept", "text/html"));
            assertThat(page.statusCode()).isEqualTo(507);
            assertThat(page.body())
                    .contains("Der Speicher ist voll", "deshalb wurde nichts gespeichert")
                    .doesNotContain("Exception", "17652", "Etwas ist schiefgelaufen");

            assertThat(exports()).isEqualTo(before);
            assertThat(exported(payee)).isFalse();
        } finally {
            jdbc.sql("drop trigger fault_test_disk_full on payroll_export").update();
            jdbc.sql("drop function fault_test_disk_full()").update();
        }

        var made = login("finance", "demo").sendJson("POST", "/api/v1/payroll/" + cast.quarter + "/export", null);
        assertThat(made.statusCode()).isEqualTo(201);
        assertThat(exports()).isEqualTo(before + 1);
        assertThat(exported(payee)).isTrue();
    }
}
