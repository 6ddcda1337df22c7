package org.attain.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19, point 5: answers are stored without a link to the person. The tables are read directly on the real
 * PostgreSQL: after answers through the API and through a mailed-style answer link, no answer shares its transaction
 * id (xmin, or a row lock's xmax) with a row that names a person, in pulse's tables or anywhere else (audit log, users,
 * tokens); the answer tables hold no person, token or time finer than the week; a second answer and a reused link are
 * still refused and counted once. Markers left by the earlier design (the recipient's row marked used in the answer's
 * own transaction, which the join below linked to every answer) are turned into seals at start-up.
 */
class AnswersCannotBeJoinedToTheirPeopleTest extends AttainIntegrationTest {

    /** The join that found every answer's person while the recipient's row was marked in the answer's transaction. */
    private static final String XMIN_JOIN = """
            select r.person_id, a.score from pulse_recipient r join pulse_answer a on a.xmin = r.xmin and a.survey_id = r.survey_id""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PulseSeals seals;

    @Autowired
    PulseSurveys surveys;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Environment environment;

    @Test
    void noAnswerSharesItsTransactionWithARowThatNamesAPerson() {
        long survey = send("Who answered what", TODAY);
        WebSession rep = login("rep", "demo");
        WebSession admin = login("admin", "demo");
        // Four answers through the API, each with its person's own link; the rep answers through the answer page.
        List<String> tokens = tokens(survey);
        for (int i = 0; i < 4; i++) {
            assertThat(admin.sendJson("POST", "/api/v1/pulse/answers", answer(tokens.get(i), 10 - i))
                            .statusCode())
                    .isEqualTo(204);
        }
        String repLink = "/pulse/answer/" + repToken(survey);
        assertThat(rep.get(repLink).statusCode()).isEqualTo(200);
        assertThat(rep.postForm(repLink, Map.of("score", "8")).statusCode()).isIn(200, 302, 303);
        assertThat(answers(survey)).isEqualTo(5);

        // Fresh answers, not yet shuffled: nothing in the database links them to anyone.
        assertNoLink();

        // A second answer with a used link is refused (409, English and German), the reused page link too.
        HttpResponse<String> again = admin.sendJson("POST", "/api/v1/pulse/answers", answer(tokens.get(0), 0));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.parse(again.body()).get("errors").get(0).get("reason").asString())
                .startsWith("This answer link is unknown or was already used");
        HttpResponse<String> nochmal =
                admin.sendJson("POST", "/api/v1/pulse/answers?lang=de", answer(tokens.get(1), 0));
        assertThat(nochmal.statusCode()).isEqualTo(409);
        assertThat(Json.parse(nochmal.body()).get("errors").get(0).get("reason").asString())
                .startsWith("Dieser Antwortlink ist unbekannt oder schon benutzt");
        assertThat(rep.get(repLink).body()).contains("unknown or was already used");
        rep.postForm(repLink, Map.of("score", "1"));
        assertThat(answers(survey)).isEqualTo(5);

        // "Who has answered" still works through the seals: the rep's invitation says answered, without its token;
        // the response count is the answers' count; the invitations' job would mail no one who answered.
        JsonNode invitation = invitation(rep, survey);
        assertThat(invitation.get("answered").asBoolean()).isTrue();
        assertThat(invitation.path("token").isMissingNode()
                        || invitation.get("token").isNull())
                .isTrue();
        assertThat(seals(survey)).isEqualTo(5);
        assertThat(surveys.survey(survey).orElseThrow().answers()).isEqualTo(5);

        // The hourly shuffle: every answer, item and seal of the survey rewritten in one transaction in random order.
        assertThat(seals.shuffleDue()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(distinct xmin::text) from pulse_answer where survey_id = :s")
                        .param("s", survey)
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(seals.shuffleDue()).isZero();
        assertNoLink();
        assertThat(answers(survey)).isEqualTo(5);
        assertThat(seals(survey)).isEqualTo(5);
        assertThat(admin.sendJson("POST", "/api/v1/pulse/answers", answer(tokens.get(2), 0))
                        .statusCode())
                .isEqualTo(409);
        assertThat(answers(survey)).isEqualTo(5);
    }

    @Test
    void theEarlierDesignsMarkersAreTurnedIntoSealsOnceAndTheAnswersShuffled() {
        long survey = send("Answered the old way", TODAY);
        List<Long> people = jdbc.sql(
                        "select person_id from pulse_recipient where survey_id = :s order by person_id limit 3")
                .param("s", survey)
                .query(Long.class)
                .list();
        long group = jdbc.sql("select group_id from pulse_recipient where survey_id = :s limit 1")
                .param("s", survey)
                .query(Long.class)
                .single();
        // As the earlier design stored an answer: the recipient's row marked used in the answer's own transaction.
        for (long person : people) {
            tx.executeWithoutResult(status -> {
                jdbc.sql("update pulse_recipient set used = true, token = null where survey_id = :s and person_id = :p")
                        .param("s", survey)
                        .param("p", person)
                        .update();
                surveys.record(survey, group, TODAY, 7, Map.of());
            });
        }
        assertThat(jdbc.sql(XMIN_JOIN + " where a.survey_id = :s")
                        .param("s", survey)
                        .query()
                        .listOfRows())
                .as("the defect: each old answer joins to its person")
                .hasSize(3);

        assertThat(seals.convertLegacyMarkers()).isEqualTo(3);
        assertThat(seals.convertLegacyMarkers())
                .as("a second start does nothing")
                .isZero();

        assertNoLink();
        assertThat(jdbc.sql("select count(*) from pulse_recipient where used")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(distinct xmin::text) from pulse_answer where survey_id = :s")
                        .param("s", survey)
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(answers(survey)).isEqualTo(3);
        assertThat(seals(survey)).isEqualTo(3);
        for (long person : people) {
            assertThat(seals.answered(survey, person)).isTrue();
        }
        // A person who answered the old way cannot answer again; one who did not still can.
        String unanswered = jdbc.sql("""
                        select token from pulse_recipient where survey_id = :s and person_id not in (:p)
                          and person_id not in (select person_id from app_user where person_id is not null)
                        order by person_id limit 1""")
                .param("s", survey)
                .param("p", people)
                .query(String.class)
                .single();
        WebSession admin = login("admin", "demo");
        assertThat(admin.sendJson("POST", "/api/v1/pulse/answers", answer(unanswered, 9))
                        .statusCode())
                .isEqualTo(204);
        assertThat(answers(survey)).isEqualTo(4);
    }

    @Test
    void twoAnswersSentAtOnceWithTheSameLinkAreCountedOnce() throws Exception {
        long survey = send("Both at once", TODAY);
        WebSession one = login("admin", "demo");
        WebSession two = login("compadmin", "demo");
        for (int round = 0; round < 3; round++) {
            String t = tokens(survey).get(round);
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    one.sendJson("POST", "/api/v1/pulse/answers", answer(t, 9)).statusCode());
            var second = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    two.sendJson("POST", "/api/v1/pulse/answers", answer(t, 1)).statusCode());
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(204, 409);
        }
        assertThat(answers(survey)).isEqualTo(3);
        assertThat(seals(survey)).isEqualTo(3);
    }

    @Test
    void thePulseKeyIsKeptOutsideTheDatabaseOwnerOnlyAndANodeWithAnotherKeySaysSo() throws Exception {
        Path file = Path.of(environment.getProperty("attain.data-dir")).resolve("pulse.key");
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String key = Files.readString(file).trim();
        // No row of pulse's tables, nor of a table of settings or keys, holds the key.
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE'
                          and (table_name like 'pulse%' or table_name ~ '(setting|config|secret|key)')""").query(String.class).list();
        for (String table : tables) {
            assertThat(jdbc.sql("select count(*) from " + table + " t where strpos(t::text, :k) > 0")
                            .param("k", key)
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(seals.sameKeyAsTheSeals()).isTrue();
        PulseKey other = new PulseKey(
                Base64.getEncoder().encodeToString(new byte[32]),
                file.getParent().toString());
        assertThat(new PulseSeals(jdbc, other, tx).sameKeyAsTheSeals()).isFalse();
    }

    /** (a) the old join finds nothing; (b) no row naming a person shares a transaction id with an answer; (c) columns. */
    private void assertNoLink() {
        assertThat(jdbc.sql(XMIN_JOIN).query().listOfRows()).isEmpty();

        List<String> transactions = jdbc.sql(
                        "select distinct xmin::text from pulse_answer union select distinct xmin::text"
                                + " from pulse_answer_item union select distinct xmin::text from pulse_answer_seal")
                .query(String.class)
                .list();
        List<Map<String, Object>> personTables = jdbc.sql("""
                select c.table_name, c.column_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                  and (c.column_name in ('person_id', 'author', 'actor', 'created_by', 'updated_by', 'username', 'user_id',
                                         'email', 'owner', 'payee_id', 'rep_id', 'manager_id', 'sender_person_id')
                       or c.column_name like '%person_id' or c.column_name like '%username')
                order by 1, 2""").query().listOfRows();
        assertThat(personTables)
                .extracting(r -> r.get("table_name"))
                .contains("pulse_recipient", "audit_log", "app_user")
                .doesNotContain("pulse_answer", "pulse_answer_item", "pulse_answer_seal");
        List<String> linked = new ArrayList<>();
        for (Map<String, Object> t : personTables) {
            String table = (String) t.get("table_name");
            // pulse_survey names its sender; an answer's foreign key check share-locks the survey's row (xmax), which
            // says "this survey was answered": known from the answer's survey_id already, nothing about who answered.
            String xmax = table.equals("pulse_survey") ? "" : " or xmax::text in (:x)";
            long n = jdbc.sql("select count(*) from " + table + " where xmin::text in (:x)" + xmax)
                    .param("x", transactions)
                    .query(Long.class)
                    .single();
            if (n > 0) {
                linked.add(table + "." + t.get("column_name") + ": " + n);
            }
        }
        assertThat(linked)
                .as("rows naming a person written in an answer's transaction")
                .isEmpty();

        assertThat(columns("pulse_answer"))
                .containsExactlyInAnyOrder("id", "survey_id", "group_id", "answered_week", "score");
        assertThat(columns("pulse_answer_item"))
                .containsExactlyInAnyOrder("answer_id", "question_id", "scale_value", "text_value");
        assertThat(columns("pulse_answer_seal")).containsExactlyInAnyOrder("survey_id", "seal");
        assertThat(jdbc.sql("""
                        select count(*) from information_schema.columns
                        where table_name in ('pulse_answer', 'pulse_answer_item', 'pulse_answer_seal')
                          and (data_type like 'timestamp%' or data_type like 'time %' or data_type = 'interval')""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from pulse_answer where extract(isodow from answered_week) <> 1")
                        .query(Long.class)
                        .single())
                .isZero();
        // No answer sits under a group so small that the group names its people (a team of one or two).
        assertThat(jdbc.sql("""
                        select count(*) from pulse_answer a join pulse_group g on g.id = a.group_id
                        join pulse_survey s on s.id = a.survey_id
                        where g.parent_id is not null and g.recipients < s.min_group_size""").query(Long.class).single()).isZero();
        // A commit time per transaction would date each answer to the second: PostgreSQL keeps none.
        assertThat(jdbc.sql("show track_commit_timestamp").query(String.class).single())
                .isEqualTo("off");
    }

    private long send(String title, LocalDate opens) {
        WebSession admin = login("admin", "demo");
        long team = jdbc.sql(
                        "select p.team_id from person p join app_user u on u.person_id = p.id where u.username = 'rep'")
                .query(Long.class)
                .single();
        HttpResponse<String> sent =
                admin.sendJson("POST", "/api/v1/pulse/surveys", """
                {"title": "%s", "opensOn": "%s", "closesOn": "%s", "target": "TEAMS", "teamIds": [%d]}""".formatted(title, opens, opens.plusDays(7), team));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        return Json.parse(sent.body()).get("id").asLong();
    }

    private List<String> tokens(long survey) {
        return jdbc.sql("""
                        select token from pulse_recipient where survey_id = :s
                          and person_id not in (select person_id from app_user where person_id is not null)
                        order by person_id""").param("s", survey).query(String.class).list();
    }

    private String repToken(long survey) {
        return jdbc.sql("""
                        select r.token from pulse_recipient r join app_user u on u.person_id = r.person_id
                        where r.survey_id = :s and u.username = 'rep'""").param("s", survey).query(String.class).single();
    }

    private static JsonNode invitation(WebSession rep, long survey) {
        for (JsonNode i : Json.parse(rep.get("/api/v1/pulse/invitations").body())) {
            if (i.get("survey").get("id").asLong() == survey) {
                return i;
            }
        }
        throw new AssertionError("no invitation for survey " + survey);
    }

    private long answers(long survey) {
        return jdbc.sql("select count(*) from pulse_answer where survey_id = :s")
                .param("s", survey)
                .query(Long.class)
                .single();
    }

    private long seals(long survey) {
        return jdbc.sql("select count(*) from pulse_answer_seal where survey_id = :s")
                .param("s", survey)
                .query(Long.class)
                .single();
    }

    private List<String> columns(String table) {
        return jdbc.sql("select column_name from information_schema.columns where table_name = :t")
                .param("t", table)
                .query(String.class)
                .list();
    }

    private static String answer(String token, int score) {
        return """
                {"token": "%s", "score": %d}""".formatted(token, score);
    }
}
