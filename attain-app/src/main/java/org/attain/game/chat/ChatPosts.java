package org.attain.game.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posts contest wins and badges to the chat webhooks, apart from whatever awarded them: every two seconds, each
 * award (a contest place, {@code game_award}) and each badge ({@code game_achievement} of a BADGE rule) made since a
 * webhook was added becomes one queued post for it, rendered in the webhook's language; the unique key (webhook,
 * subject, id) makes it one post however often this runs. Queued posts are then sent one at a time: a post is
 * claimed (SENDING) before it is sent, so it is never sent twice; a refusal or an unreachable webhook puts it back
 * with a doubling wait ({@link #FIRST_RETRY}, then twice that, ...) until {@link #MAX_ATTEMPTS}, then FAILED. The award
 * itself never waits for a chat.
 */
@Component
class ChatPosts {

    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_RETRY = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(ChatPosts.class);

    private record Hook(long id, ChatWebhooks.Kind kind, Locale locale, Instant since) {}

    private record Subject(long id, String person, String what, int place) {}

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final ChatWebhooks webhooks;

    ChatPosts(JdbcClient jdbc, MessageSource messages, Clock clock, ChatWebhooks webhooks) {
        this.webhooks = webhooks;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /** On one node at a time when several serve the database (posts are claimed before sending besides). */
    @Scheduled(fixedDelay = 2000, initialDelay = 2000)
    @SchedulerLock(name = "game.chat-posts", lockAtMostFor = "PT5M")
    void tick() {
        try {
            queueNew();
            deliverDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("chat posts: {}", e.getMessage(), e);
        }
    }

    /** Queues a post per active webhook for every award and badge made since the webhook was added; returns how many. */
    int queueNew() {
        List<Hook> hooks = jdbc.sql(
                        "select id, kind, language, created_at from game_chat_webhook where removed_at is null order by id")
                .query((rs, n) -> new Hook(
                        rs.getLong(1),
                        ChatWebhooks.Kind.valueOf(rs.getString(2)),
                        Locale.forLanguageTag(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .list();
        int queued = 0;
        for (Hook h : hooks) {
            List<Subject> awards = jdbc.sql("""
                    select a.id, p.first_name || ' ' || p.last_name, c.name, a.place
                    from game_award a join game_contest c on c.id = a.contest_id join org_person_v p on p.id = a.person_id
                    where a.created_at >= :since and not exists (
                        select 1 from game_chat_post x where x.webhook_id = :w and x.subject = 'AWARD' and x.subject_id = a.id)
                    order by a.id""")
                    .param("since", Timestamp.from(h.since()))
                    .param("w", h.id())
                    .query((rs, n) -> new Subject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                    .list();
            for (Subject s : awards) {
                String text = s.place() == 1
                        ? messages.getMessage("game.chat.won", new Object[] {s.person(), s.what()}, h.locale())
                        : messages.getMessage(
                                "game.chat.placed", new Object[] {s.person(), s.what(), s.place()}, h.locale());
                queued +=
                        queue(h, "AWARD", s.id(), messages.getMessage("game.chat.title.award", null, h.locale()), text);
            }
            List<Subject> badges = jdbc.sql("""
                    select g.id, p.first_name || ' ' || p.last_name, r.name, 0
                    from game_achievement g join game_achievement_rule r on r.id = g.rule_id
                    join org_person_v p on p.id = g.person_id
                    where r.kind = 'BADGE' and g.awarded_at >= :since and not exists (
                        select 1 from game_chat_post x where x.webhook_id = :w and x.subject = 'BADGE' and x.subject_id = g.id)
                    order by g.id""")
                    .param("since", Timestamp.from(h.since()))
                    .param("w", h.id())
                    .query((rs, n) -> new Subject(rs.getLong(1), rs.getString(2), rs.getString(3), 0))
                    .list();
            for (Subject s : badges) {
                String text = messages.getMessage("game.chat.badge", new Object[] {s.person(), s.what()}, h.locale());
                queued +=
                        queue(h, "BADGE", s.id(), messages.getMessage("game.chat.title.badge", null, h.locale()), text);
            }
        }
        return queued;
    }

    private int queue(Hook h, String subject, long id, String title, String text) {
        Instant now = clock.instant();
        return jdbc.sql("""
                insert into game_chat_post(webhook_id, subject, subject_id, payload, state, next_attempt_at, created_at)
                values (:w, :subject, :id, :payload, 'PENDING', :at, :at)
                on conflict (webhook_id, subject, subject_id) do nothing""")
                .param("w", h.id())
                .param("subject", subject)
                .param("id", id)
                .param("payload", ChatPayloads.of(h.kind(), title, text))
                .param("at", Timestamp.from(now))
                .update();
    }

    private record Due(long id, String url, String payload, int attempts) {}

    /** Sends every queued post due at {@code now}, one at a time; returns how many were attempted. */
    synchronized int deliverDue(Instant now) {
        int attempted = 0;
        while (true) {
            List<Due> due = jdbc.sql("""
                    select p.id, w.url_sealed, w.url, p.payload, p.attempts
                    from game_chat_post p join game_chat_webhook w on w.id = p.webhook_id
                    where p.state = 'PENDING' and p.next_attempt_at <= :now and w.removed_at is null
                    order by p.next_attempt_at, p.id limit 20""")
                    .param("now", Timestamp.from(now))
                    .query((rs, n) -> new Due(
                            rs.getLong(1),
                            webhooks.address(rs.getString(2), rs.getString(3)),
                            rs.getString(4),
                            rs.getInt(5)))
                    .list();
            if (due.isEmpty()) {
                return attempted;
            }
            for (Due d : due) {
                // Claimed first: a post that was (or may have been) sent is never sent again.
                int claimed = jdbc.sql(
                                "update game_chat_post set state = 'SENDING' where id = :id and state = 'PENDING'")
                        .param("id", d.id())
                        .update();
                if (claimed == 1) {
                    attempt(d, now);
                    attempted++;
                }
            }
        }
    }

    private void attempt(Due d, Instant now) {
        Integer status = null;
        String error = null;
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(d.url()))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("User-Agent", "Attain-Chat/1")
                            .POST(HttpRequest.BodyPublishers.ofString(d.payload()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status / 100 != 2) {
                error = "answered " + status;
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = "could not post: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        int tried = d.attempts() + 1;
        String state = error == null ? "SENT" : tried >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
        Instant next = "PENDING".equals(state) ? now.plus(FIRST_RETRY.multipliedBy(1L << (tried - 1))) : null;
        jdbc.sql("""
                update game_chat_post set state = :state, attempts = :n, next_attempt_at = :next, last_status = :status,
                    last_error = :error, sent_at = :sent where id = :id""")
                .param("state", state)
                .param("n", tried)
                .param("next", next == null ? null : Timestamp.from(next))
                .param("status", status)
                .param("error", error)
                .param("sent", error == null ? Timestamp.from(clock.instant()) : null)
                .param("id", d.id())
                .update();
    }
}
