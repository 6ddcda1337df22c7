package org.attain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API tokens for integrations. The secret is shown once at creation; only its SHA-256 is stored,
 * so a database leak does not leak working credentials. Tokens are scoped and revocable.
 */
@Service
public class ApiTokens {

    /** Provisioning from an identity provider at /scim/v2 (an admin's token); it opens nothing under /api. */
    public static final String SCIM_SCOPE = "scim";

    public static final Set<String> KNOWN_SCOPES = Set.of("read", "write", SCIM_SCOPE);
    static final String PREFIX = "att_";

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, UserAccounts users, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public record Created(long id, String name, String secret, Set<String> scopes) {}

    public record TokenInfo(
            long id,
            String name,
            String tokenPrefix,
            List<String> scopes,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {}

    public Created create(AttainUser owner, String name, Set<String> scopes) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                insert into api_token(user_id, name, token_prefix, token_hash, scopes, created_at)
                values (:user, :name, :prefix, :hash, :scopes, :at) returning id""")
                .param("user", owner.userId())
                .param("name", name)
                .param("prefix", secret.substring(0, 10))
                .param("hash", sha256(secret))
                .param("scopes", scopes.stream().sorted().toArray(String[]::new))
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        audit.record(
                owner.getUsername(),
                "TOKEN_CREATED",
                "api_token",
                Long.toString(id),
                null,
                java.util.Map.of(
                        "name", name, "scopes", scopes.stream().sorted().toList()));
        return new Created(id, name, secret, scopes);
    }

    public List<TokenInfo> listFor(AttainUser owner) {
        return jdbc.sql("""
                select id, name, token_prefix, scopes, created_at, last_used_at, revoked_at
                from api_token where user_id = :user order by id""")
                .param("user", owner.userId())
                .query((rs, n) -> new TokenInfo(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("token_prefix"),
                        List.of((String[]) rs.getArray("scopes").getArray()),
                        instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /** Revokes one of the owner's tokens; false when it is not theirs or does not exist. */
    public boolean revoke(AttainUser owner, long tokenId) {
        int n = jdbc.sql(
                        "update api_token set revoked_at = :at where id = :id and user_id = :user and revoked_at is null")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", tokenId)
                .param("user", owner.userId())
                .update();
        if (n > 0) {
            audit.record(owner.getUsername(), "TOKEN_REVOKED", "api_token", Long.toString(tokenId), null, null);
        }
        return n > 0;
    }

    /** The user behind a presented secret, with the token's scopes, if the token is live. */
    public Optional<AttainUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        record Row(long id, long userId, String[] scopes) {}
        Optional<Row> row = jdbc.sql("""
                select id, user_id, scopes from api_token
                where token_hash = :hash and revoked_at is null and (expires_at is null or expires_at > :now)""")
                .param("hash", sha256(secret))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("user_id"), (String[])
                        rs.getArray("scopes").getArray()))
                .optional();
        row.ifPresent(r -> jdbc.sql("update api_token set last_used_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", r.id())
                .update());
        return row.flatMap(r -> users.findById(r.userId())
                .filter(AttainUser::isEnabled)
                .map(u -> u.withTokenScopes(Set.of(r.scopes()))));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
