package org.attain.pulse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail invites for surveys: once a survey has opened (a survey sent with a later opening day is scheduled), each
 * recipient who has neither answered nor been invited gets one mail with their one-time answer link, in English and
 * German. The link is the recipient's token: the answer it sends is stored with survey, group and week only, like
 * every answer, so the mail changes nothing about anonymity. Without {@code spring.mail.host} there is no mail sender
 * and nothing is sent (the invitations stay on each person's pulse page). A mail that fails stays due for the next run.
 */
@Service
class PulseInvites {

    private static final Logger LOG = LoggerFactory.getLogger(PulseInvites.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final String publicUrl;
    private final String from;
    private final Clock clock;
    private final PulseSeals seals;

    PulseInvites(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> mail,
            MessageSource messages,
            @Value("${attain.public-url:http://localhost:8080}") String publicUrl,
            @Value("${attain.mail.from:attain@localhost}") String from,
            Clock clock,
            PulseSeals seals) {
        this.jdbc = jdbc;
        this.seals = seals;
        this.mail = mail;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.from = from;
        this.clock = clock;
    }

    private record Due(long surveyId, long personId, String token, String title, LocalDate closesOn, String email) {}

    /** On one node at a time when several serve the database (the rows are locked as well, so no one is mailed twice). */
    @Scheduled(cron = "${attain.pulse.invites.cron:0 */10 * * * *}")
    @SchedulerLock(name = "pulse.invites", lockAtMostFor = "PT9M", lockAtLeastFor = "PT30S")
    void onSchedule() {
        int sent = sendDue();
        if (sent > 0) {
            LOG.info("pulse: {} survey invites mailed", sent);
        }
    }

    /**
     * Mails every invite due today (survey open, recipient neither answered nor invited) and returns how many went
     * out. Rows are locked while they are mailed, so two runs never mail the same person twice.
     */
    @Transactional
    int sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        List<Due> due = jdbc.sql("""
                select r.survey_id, r.person_id, r.token, s.title, s.closes_on, p.email
                from pulse_recipient r
                join pulse_survey s on s.id = r.survey_id
                join org_person_v p on p.id = r.person_id
                where not r.invited and s.opens_on <= :today and s.closes_on >= :today
                order by r.survey_id, r.person_id
                for update of r skip locked""").param("today", today).query(Due.class).list();
        int sent = 0;
        for (Due d : due) {
            if (d.email() == null || d.email().isBlank() || seals.answered(d.surveyId(), d.personId())) {
                continue;
            }
            try {
                sender.send(message(d));
            } catch (MailException e) {
                LOG.warn(
                        "pulse: invite for survey {} not mailed, retried on the next run: {}",
                        d.surveyId(),
                        e.getMessage());
                continue;
            }
            jdbc.sql("update pulse_recipient set invited = true where survey_id = :s and person_id = :p")
                    .param("s", d.surveyId())
                    .param("p", d.personId())
                    .update();
            sent++;
        }
        return sent;
    }

    private SimpleMailMessage message(Due d) {
        String link = publicUrl + "/pulse/answer/" + d.token();
        Object[] args = {d.title(), d.closesOn().toString(), link};
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(d.email());
        m.setSubject(text("pulse.invite.subject", args, Locale.ENGLISH) + " / "
                + text("pulse.invite.subject", args, Locale.GERMAN));
        m.setText(text("pulse.invite.body", args, Locale.ENGLISH) + "\n\n-- \n\n"
                + text("pulse.invite.body", args, Locale.GERMAN));
        return m;
    }

    private String text(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, locale);
    }
}
