package org.attain.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.payout.PayoutFixtures;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lists that end, over real HTTP: each list page shows one page of rows cut in SQL, says which rows of
 * how many it shows, keeps its search and filters in the page links, narrows when filtered, and a
 * manager's list pages through their own subtree only.
 */
class PagedListsTest extends AttainIntegrationTest {

    private static final Pattern TOTAL =
            Pattern.compile("data-test=\"paging-total\">(\\d[\\d,]*)–(\\d[\\d,]*) of (\\d[\\d,]*)<");
    private static final Pattern PERSON_LINK = Pattern.compile("<td><a href=\"/people/(\\d+)\">");

    @Autowired
    JdbcClient jdbc;

    /** first, last and total of "26–50 of 230"; null when the page says there is nothing to show. */
    private static long[] shown(String body) {
        Matcher m = TOTAL.matcher(body);
        if (!m.find()) {
            assertThat(body)
                    .containsAnyOf(
                            "data-test=\"paging-total\">Nothing to show<",
                            "data-test=\"paging-total\">Nichts anzuzeigen<");
            return null;
        }
        return new long[] {num(m.group(1)), num(m.group(2)), num(m.group(3))};
    }

    private static long num(String s) {
        return Long.parseLong(s.replace(",", ""));
    }

    private static List<Long> people(String body) {
        List<Long> ids = new ArrayList<>();
        Matcher m = PERSON_LINK.matcher(body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    @Test
    void thePeopleListPagesInSqlAndItsBoundariesAndTotalsAreTrue() {
        WebSession admin = login("compadmin", "demo");
        String first = admin.get("/people?size=25&lang=en").body();
        long[] p1 = shown(first);
        long total = p1[2];
        assertThat(total).isGreaterThan(50);
        assertThat(p1[0]).isEqualTo(1);
        assertThat(p1[1]).isEqualTo(25);
        assertThat(people(first)).hasSize(25);
        // Another size than the default is kept by the page links, and so is nothing else.
        assertThat(first).contains("href=\"/people?size=25&amp;page=1\"").contains("rel=\"next\"");
        assertThat(first).doesNotContain("rel=\"prev\"");

        String second = admin.get("/people?size=25&page=1").body();
        assertThat(shown(second)).containsExactly(26, 50, total);
        assertThat(people(second)).doesNotContainAnyElementsOf(people(first));

        int lastPage = (int) ((total - 1) / 25);
        String last = admin.get("/people?size=25&page=" + lastPage).body();
        assertThat(shown(last)).containsExactly(lastPage * 25L + 1, total, total);
        assertThat(people(last)).hasSize((int) (total - lastPage * 25L));
        assertThat(last).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        // By default a page shows 50 rows; a size nobody offers falls back to it.
        assertThat(people(admin.get("/people").body())).hasSize(50);
        assertThat(people(admin.get("/people?size=100000").body())).hasSize(50);
    }

    @Test
    void aFilterAndASearchNarrowTheListAndStayInItsLinks() {
        WebSession admin = login("compadmin", "demo");
        long everyone = shown(admin.get("/people?lang=en").body())[2];
        String managers = admin.get("/people?role=MANAGER").body();
        long managerCount = jdbc.sql("select count(*) from person where role_type = 'MANAGER'")
                .query(Long.class)
                .single();
        assertThat(shown(managers)[2]).isEqualTo(managerCount).isLessThan(everyone);

        String reps = admin.get("/people?role=REP").body();
        assertThat(shown(reps)[2]).isGreaterThan(50);
        assertThat(reps).contains("href=\"/people?role=REP&amp;page=1\"");

        String lastName = jdbc.sql("select last_name from person where role_type = 'REP' order by id limit 1")
                .query(String.class)
                .single();
        long named = jdbc.sql("select count(*) from person where (first_name || ' ' || last_name) ilike :n"
                        + " or email ilike :n or title ilike :n or external_id ilike :n")
                .param("n", "%" + lastName + "%")
                .query(Long.class)
                .single();
        String found = admin.get("/people?q=" + lastName).body();
        assertThat(shown(found)[2]).isBetween(1L, named).isLessThan(everyone);
    }

    @Test
    void aManagersListPagesThroughTheirSubtreeOnly() {
        PayoutFixtures cast = new PayoutFixtures(jdbc, this::login);
        WebSession manager = login("manager", "demo");
        Set<Long> seen = new LinkedHashSet<>();
        String page = manager.get("/people?size=25&lang=en").body();
        long[] shown = shown(page);
        long total = shown[2];
        for (int i = 0; i * 25L < total; i++) {
            seen.addAll(people(manager.get("/people?size=25&page=" + i).body()));
        }
        assertThat(seen).hasSize((int) total);
        Set<Long> subtree = new LinkedHashSet<>(
                jdbc.sql("""
                        with recursive sub(id) as (select cast(:m as bigint) union
                          select rl.person_id from reporting_line rl join sub on rl.manager_id = sub.id)
                        select id from sub""").param("m", cast.manager).query(Long.class).list());
        assertThat(subtree).containsAll(seen);
        assertThat(seen).contains(cast.rep).doesNotContainAnyElementsOf(cast.outsiders());

        String outsider = jdbc.sql("select first_name || ' ' || last_name from person where id = :p")
                .param("p", cast.outsiders().get(0))
                .query(String.class)
                .single();
        assertThat(shown(manager.get("/people?q=" + outsider.replace(' ', '+')).body()))
                .isNull();
        assertThat(shown(login("compadmin", "demo")
                        .get("/people?q=" + outsider.replace(' ', '+'))
                        .body())[2])
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void theAuditLogRunsAndImportsArePagedAndFiltered() {
        WebSession admin = login("admin", "demo");
        String audit = admin.get("/admin/audit?size=25&lang=en").body();
        long auditTotal =
                jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        long[] a = shown(audit);
        assertThat(a[0]).isEqualTo(1);
        assertThat(a[1]).isEqualTo(Math.min(25, auditTotal));
        assertThat(a[2]).isGreaterThanOrEqualTo(auditTotal);
        String action = jdbc.sql("select action from audit_log order by id limit 1")
                .query(String.class)
                .single();
        // A search narrows the log to the entries that mention it, the first of them among them.
        assertThat(shown(admin.get("/admin/audit?q=" + action).body())[2]).isBetween(1L, a[2]);
        assertThat(shown(admin.get("/admin/audit?q=no-such-thing-in-the-log").body()))
                .isNull();

        String runs = admin.get("/runs?size=25").body();
        long runTotal =
                jdbc.sql("select count(*) from calc_run").query(Long.class).single();
        assertThat(shown(runs)[2]).isGreaterThanOrEqualTo(runTotal).isGreaterThan(0);
        long failed = jdbc.sql("select count(*) from calc_run where status = 'FAILED'")
                .query(Long.class)
                .single();
        String failedRuns = admin.get("/runs?status=FAILED").body();
        if (failed == 0) {
            assertThat(shown(failedRuns)).isNull();
        } else {
            assertThat(shown(failedRuns)[2]).isEqualTo(failed);
        }
        long doneFull = jdbc.sql("select count(*) from calc_run where status = 'DONE' and kind = 'FULL'")
                .query(Long.class)
                .single();
        long[] done = shown(admin.get("/runs?status=DONE&kind=FULL").body());
        assertThat(done[2]).isGreaterThanOrEqualTo(doneFull).isGreaterThan(0);
        assertThat(done[2])
                .isLessThanOrEqualTo(jdbc.sql("select count(*) from calc_run")
                        .query(Long.class)
                        .single());

        WebSession compAdmin = login("compadmin", "demo");
        long imports =
                jdbc.sql("select count(*) from ingest_import").query(Long.class).single();
        String list = compAdmin.get("/imports?size=25").body();
        if (imports == 0) {
            assertThat(shown(list)).isNull();
        } else {
            assertThat(shown(list)[2]).isGreaterThanOrEqualTo(imports);
        }
        assertThat(shown(compAdmin.get("/imports?q=no-such-file-anywhere.csv").body()))
                .isNull();
    }

    @Test
    void theDisputeInboxIsPagedFilteredAndCutByVisibility() {
        PayoutFixtures cast = new PayoutFixtures(jdbc, this::login);
        WebSession compAdmin = login("compadmin", "demo");
        String marker = "paged-inbox-" + System.nanoTime();
        List<Long> mine = new ArrayList<>();
        List<Long> payees = new ArrayList<>(cast.teammates());
        payees.add(cast.rep);
        payees.add(cast.outsiders().get(0));
        for (long person : payees) {
            var created = compAdmin.sendJson(
                    "POST",
                    "/api/v1/disputes",
                    PayoutFixtures.disputeJson(person, cast.quarter, cast.firstLine(person), marker));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            mine.add(Json.parse(created.body()).get("id").asLong());
        }
        String all = compAdmin.get("/disputes?q=" + marker + "&size=25&lang=en").body();
        assertThat(shown(all)).containsExactly(1, Math.min(25, mine.size()), mine.size());
        // The manager sees the disputes of their team, never the outsider's.
        String managers = login("manager", "demo").get("/disputes?q=" + marker).body();
        assertThat(shown(managers)[2]).isEqualTo(mine.size() - 1);
        assertThat(managers).doesNotContain("data-test=\"dispute-" + mine.get(mine.size() - 1) + "\"");
        // A status that none of them has narrows the search to nothing.
        assertThat(shown(compAdmin
                        .get("/disputes?q=" + marker + "&status=RESOLVED")
                        .body()))
                .isNull();
    }
}
