package org.attain.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Invites by e-mail over a real SMTP server (GreenMail): a survey scheduled to open later is mailed on its opening
 * day and not before (the job runs on a pinned clock), once per recipient; the mailed one-time link opens the form,
 * takes one answer that is stored without the person, and is refused the second time.
 */
class PulseInvitesTest extends AttainIntegrationTest {

    private static final Pattern LINK = Pattern.compile("/pulse/answer/([A-Za-z0-9_-]{20,})");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectProvider<JavaMailSender> mail;

    @Autowired
    MessageSource messages;

    @Autowired
    PulseSeals seals;

    private PulseInvites on(LocalDate day) {
        Clock clock = Clock.fixed(day.atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
        return new PulseInvites(jdbc, mail, messages, baseUrl(), "pulse@attain.test", clock, seals);
    }

    private long repTeam() {
        return jdbc.sql("select p.team_id from person p join app_user u on u.person_id = p.id where u.username = 'rep'")
                .query(Long.class)
                .single();
    }

    private long send(WebSession admin, String title, LocalDate opens, LocalDate closes) {
        HttpResponse<String> sent =
                admin.sendJson("POST", "/api/v1/pulse/surveys", """
                {"title": "%s", "opensOn": "%s", "closesOn": "%s", "target": "TEAMS", "teamIds": [%d]}""".formatted(title, opens, closes, repTeam()));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        return Json.parse(sent.body()).get("id").asLong();
    }

    private static List<MimeMessage> mailsAbout(String title) {
        return Arrays.stream(mailbox().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().contains(title);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String to(MimeMessage m) throws Exception {
        return m.getRecipients(Message.RecipientType.TO)[0].toString();
    }

    @Test
    void aScheduledSurveyIsMailedOnItsOpeningDayOncePerRecipientWithTheirOwnLink() throws Exception {
        WebSession admin = login("admin", "demo");
        String title = "Invites scheduled";
        long survey = send(admin, title, TODAY.plusDays(3), TODAY.plusDays(10));
        List<Map<String, Object>> recipients =
                jdbc.sql("""
                        select r.person_id, r.token, p.email from pulse_recipient r join person p on p.id = r.person_id
                        where r.survey_id = :s order by r.person_id""").param("s", survey).query().listOfRows();
        assertThat(recipients).hasSizeGreaterThanOrEqualTo(5);

        // The day before it opens: nothing for this survey.
        on(TODAY.plusDays(2)).sendDue();
        assertThat(mailsAbout(title)).isEmpty();

        // The opening day: one mail per recipient, to their address, with their own token, in English and German.
        on(TODAY.plusDays(3)).sendDue();
        List<MimeMessage> mails = mailsAbout(title);
        assertThat(mails).hasSize(recipients.size());
        for (Map<String, Object> r : recipients) {
            MimeMessage m = mails.stream()
                    .filter(x -> {
                        try {
                            return to(x).equals(r.get("email"));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .findFirst()
                    .orElseThrow();
            String body = m.getContent().toString();
            assertThat(body)
                    .contains(baseUrl() + "/pulse/answer/" + r.get("token"))
                    .contains("stored without your name")
                    .contains("ohne Ihren Namen");
            assertThat(m.getSubject()).isEqualTo("Pulse survey: " + title + " / Pulsumfrage: " + title);
        }
        assertThat(jdbc.sql("select count(*) from pulse_recipient where survey_id = :s and invited")
                        .param("s", survey)
                        .query(Long.class)
                        .single())
                .isEqualTo(recipients.size());

        // Running again (or a day later) mails nobody twice.
        on(TODAY.plusDays(3)).sendDue();
        on(TODAY.plusDays(4)).sendDue();
        assertThat(mailsAbout(title)).hasSize(recipients.size());
        // After it closes, a recipient not yet invited would not be mailed either.
        jdbc.sql("update pulse_recipient set invited = false where survey_id = :s")
                .param("s", survey)
                .update();
        on(TODAY.plusDays(11)).sendDue();
        assertThat(mailsAbout(title)).hasSize(recipients.size());
    }

    @Test
    void theMailedLinkTakesOneAnonymousAnswerAndIsRefusedTheSecondTime() throws Exception {
        WebSession admin = login("admin", "demo");
        String title = "Invites open today";
        long survey = send(admin, title, TODAY, TODAY.plusDays(7));
        on(TODAY).sendDue();
        String repEmail = jdbc.sql(
                        "select p.email from person p join app_user u on u.person_id = p.id where u.username = 'rep'")
                .query(String.class)
                .single();
        MimeMessage mailToRep = mailsAbout(title).stream()
                .filter(m -> {
                    try {
                        return to(m).equals(repEmail);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        Matcher link = LINK.matcher(mailToRep.getContent().toString());
        assertThat(link.find()).isTrue();
        String path = link.group();

        // The rep follows the link from the mail (signed in), sees the form and answers.
        WebSession rep = login("rep", "demo");
        HttpResponse<String> form = rep.get(path);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains(title);
        HttpResponse<String> answered = rep.postForm(path, Map.of("score", "9"));
        assertThat(answered.statusCode()).isIn(200, 302, 303);
        assertThat(jdbc.sql("select count(*) from pulse_answer where survey_id = :s")
                        .param("s", survey)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // The answer row names no person and no time; the recipient's row was not written (its token stays, refused).
        assertThat(jdbc.sql("select score from pulse_answer where survey_id = :s")
                        .param("s", survey)
                        .query(Integer.class)
                        .single())
                .isEqualTo(9);
        assertThat(jdbc.sql("select count(*) from pulse_recipient where token = :t")
                        .param("t", link.group(1))
                        .query(Long.class)
                        .single())
                .isOne();

        // The same link again: refused as used, nothing counted twice.
        HttpResponse<String> again = rep.get(path);
        assertThat(again.body()).contains("unknown or was already used");
        rep.postForm(path, Map.of("score", "2"));
        assertThat(jdbc.sql("select count(*) from pulse_answer where survey_id = :s")
                        .param("s", survey)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
