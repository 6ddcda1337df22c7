package org.attain.access;

import java.sql.Timestamp;
import java.time.Clock;
import org.attain.platform.Broadcasts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;

/**
 * Ends what a user holds: their browser sessions (kept in memory by the servlet container and
 * tracked in the {@link SessionRegistry}; an expired one is logged out at its next request) and
 * their API tokens. Sessions live on the node that signed the user in: the other nodes serving the
 * database are told ({@link Broadcasts}, topic {@value #TOPIC}) and end theirs too; the count
 * returned and audited is this node's.
 */
@Service
public class UserSessions {

    private final SessionRegistry registry;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Broadcasts broadcasts;

    static final String TOPIC = "access.sessions-ended";

    UserSessions(SessionRegistry registry, JdbcClient jdbc, AuditLog audit, Clock clock, Broadcasts broadcasts) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.broadcasts = broadcasts;
        broadcasts.listen(TOPIC, user -> expireHere(Long.parseLong(user)));
    }

    /** Ends every session (on every node) and revokes every live token of the user; returns how many of each here. */
    public Ended endAll(long userId, String actor) {
        int sessions = expireHere(userId);
        broadcasts.send(TOPIC, Long.toString(userId));
        int tokens = jdbc.sql("update api_token set revoked_at = :at where user_id = :id and revoked_at is null")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", userId)
                .update();
        if (sessions > 0 || tokens > 0) {
            audit.record(
                    actor,
                    "SESSIONS_ENDED",
                    "user",
                    Long.toString(userId),
                    null,
                    java.util.Map.of("sessions", sessions, "tokens", tokens));
        }
        return new Ended(sessions, tokens);
    }

    private int expireHere(long userId) {
        int sessions = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (userIdOf(principal) == userId) {
                for (SessionInformation s : registry.getAllSessions(principal, false)) {
                    s.expireNow();
                    sessions++;
                }
            }
        }
        return sessions;
    }

    /** Live sessions of the user on this node. */
    public int sessionsOf(long userId) {
        int n = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (userIdOf(principal) == userId) {
                n += registry.getAllSessions(principal, false).size();
            }
        }
        return n;
    }

    public record Ended(int sessions, int tokens) {}

    private static long userIdOf(Object principal) {
        if (principal instanceof AttainUser u) {
            return u.userId();
        }
        if (principal instanceof SsoLogin.SsoUser s) {
            return s.userId();
        }
        return -1;
    }
}
