package org.attain.game.chat;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.access.Role;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.attain.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Slack and Microsoft Teams incoming webhooks that hear of contest wins and badges (admins and comp admins).
 * A webhook's address carries its secret: it is stored encrypted ({@code platform.SecretBox}; addresses stored plain
 * by an older version are sealed when the application starts, {@link #sealPlain}) and after saving only ever shown
 * masked ({@link #mask}). A removed webhook gets no more posts; its past posts stay as the log.
 */
@Service
public class ChatWebhooks {

    public enum Kind {
        SLACK,
        TEAMS
    }

    /** A webhook as listed: never the whole address. */
    public record Webhook(
            long id, String name, Kind kind, String maskedUrl, String language, String createdBy, Instant createdAt) {}

    /** A webhook as typed into the form or sent to the API. */
    public record NewWebhook(String name, String kind, String url, String language) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final SecretBox box;

    ChatWebhooks(JdbcClient jdbc, AuditLog audit, Clock clock, SecretBox box) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.box = box;
    }

    /** The address to post to: decrypted only here, when a post is sent. */
    String address(String sealed, String plain) {
        return sealed != null ? box.decrypt(sealed) : plain;
    }

    /**
     * Seals addresses stored plain by a version before encryption at rest (on start); returns how many. Each row is
     * switched from {@code url} to {@code url_sealed} in one statement.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @Transactional
    public int sealPlain() {
        List<Map.Entry<Long, String>> plain = jdbc.sql("select id, url from game_chat_webhook where url is not null")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list();
        for (Map.Entry<Long, String> w : plain) {
            jdbc.sql("update game_chat_webhook set url_sealed = :sealed, url = null where id = :id and url is not null")
                    .param("sealed", box.encrypt(w.getValue()))
                    .param("id", w.getKey())
                    .update();
        }
        return plain.size();
    }

    public static boolean mayManage(AttainUser user) {
        return user != null && (user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN));
    }

    @Transactional
    public Webhook create(AttainUser user, NewWebhook in) {
        only(user);
        List<FieldProblem> problems = new ArrayList<>();
        String name = in == null || in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", "game.chat.error.name", "is required (at most 200 characters)"));
        }
        Kind kind = null;
        try {
            kind = Kind.valueOf(
                    (in == null || in.kind() == null ? "" : in.kind()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("kind", "game.chat.error.kind", "must be SLACK or TEAMS"));
        }
        String url = in == null || in.url() == null ? "" : in.url().strip();
        if (!validUrl(url)) {
            problems.add(new FieldProblem(
                    "url",
                    "game.chat.error.url",
                    "must be the webhook's full http(s) address (at most 2000 characters)"));
        }
        String language = in == null || in.language() == null || in.language().isBlank()
                ? "en"
                : in.language().strip().toLowerCase(Locale.ROOT);
        if (!language.equals("en") && !language.equals("de")) {
            problems.add(new FieldProblem("language", "game.chat.error.language", "must be en or de"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("""
                insert into game_chat_webhook(name, kind, url_sealed, language, created_by, created_at)
                values (:name, :kind, :sealed, :language, :by, :at) returning id""")
                .param("name", name)
                .param("kind", kind.name())
                .param("sealed", box.encrypt(url))
                .param("language", language)
                .param("by", user.getUsername())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        audit.record(
                user.getUsername(),
                "GAME_CHAT_WEBHOOK_CREATED",
                "game_chat_webhook",
                String.valueOf(id),
                null,
                Map.of("name", name, "kind", kind.name(), "url", mask(url), "language", language),
                null);
        return find(id).orElseThrow();
    }

    @Transactional
    public void remove(AttainUser user, long id) {
        only(user);
        int removed = jdbc.sql("""
                update game_chat_webhook set removed_by = :by, removed_at = :at where id = :id and removed_at is null""")
                .param("by", user.getUsername())
                .param("at", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        if (removed == 0) {
            throw new NotFoundException("chat webhook", id);
        }
        audit.record(
                user.getUsername(), "GAME_CHAT_WEBHOOK_REMOVED", "game_chat_webhook", String.valueOf(id), null, null);
    }

    /** The webhooks that still get posts, newest first. */
    public List<Webhook> active(AttainUser user) {
        only(user);
        return jdbc.sql(SELECT + " where removed_at is null order by created_at desc, id desc")
                .query(this::webhook)
                .list();
    }

    java.util.Optional<Webhook> find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(this::webhook)
                .optional();
    }

    private static final String SELECT =
            "select id, name, kind, url, language, created_by, created_at, url_sealed from game_chat_webhook";

    private Webhook webhook(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Webhook(
                rs.getLong(1),
                rs.getString(2),
                Kind.valueOf(rs.getString(3)),
                mask(address(rs.getString(8), rs.getString(4))),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant());
    }

    /** Scheme and host, then only the last four characters: enough to tell two webhooks apart, not to post. */
    static String mask(String url) {
        try {
            URI u = URI.create(url);
            String tail = url.length() > 4 ? url.substring(url.length() - 4) : "";
            return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/…" + tail;
        } catch (IllegalArgumentException e) {
            return "…";
        }
    }

    static boolean validUrl(String url) {
        if (url.length() < 10 || url.length() > 2000) {
            return false;
        }
        try {
            URI u = URI.create(url);
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
                    && u.getHost() != null
                    && u.getUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The latest posts with their state, for the admin page. */
    public record Post(
            long id,
            String webhook,
            String subject,
            String state,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant sentAt) {}

    public List<Post> recentPosts(AttainUser user, int limit) {
        only(user);
        return jdbc.sql("""
                select p.id, w.name, p.subject, p.state, p.attempts, p.last_status, p.last_error, p.created_at, p.sent_at
                from game_chat_post p join game_chat_webhook w on w.id = p.webhook_id
                order by p.id desc limit :n""")
                .param("n", limit)
                .query((rs, n) -> new Post(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        (Integer) rs.getObject(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .list();
    }

    private static void only(AttainUser user) {
        if (!mayManage(user)) {
            throw new ForbiddenException("game.chat.forbidden", "Only admins and comp admins manage chat webhooks.");
        }
    }
}
