package org.attain.game;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only TV links: a random token (shown once, only its SHA-256 stored) that opens a chosen set of boards
 * without login, each as {@link Leaderboards#everyoneView} allows. Revoking works at once: the next request with
 * the token is refused.
 */
@Service
public class TvLinks {

    /** A link as listed to admins (never the token). */
    public record Link(
            long id, String name, List<Long> boards, String createdBy, Instant createdAt, Instant revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A new link and its token, which is shown this once. */
    public record Created(Link link, String token) {}

    /** What a token opens: the link's boards, or why not. */
    public sealed interface Opened {}

    public record Open(Link link) implements Opened {}

    public record Revoked() implements Opened {}

    public record Unknown() implements Opened {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Leaderboards boards;
    private final AuditLog audit;
    private final java.time.Clock clock;

    TvLinks(JdbcClient jdbc, Leaderboards boards, AuditLog audit, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.boards = boards;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Created create(AttainUser user, String name, List<Long> boardIds) {
        only(user);
        List<FieldProblem> problems = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            problems.add(new FieldProblem("name", "game.error.name", "is required (at most 200 characters)"));
        }
        Set<Long> chosen = new LinkedHashSet<>(boardIds == null ? List.of() : boardIds);
        if (chosen.isEmpty()) {
            problems.add(new FieldProblem("boards", "game.error.tvBoards", "choose at least one board"));
        } else if (chosen.stream().anyMatch(id -> id == null || boards.find(id).isEmpty())) {
            problems.add(new FieldProblem("boards", "game.error.tvUnknownBoard", "names a board that does not exist"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                insert into game_tv_link(name, token_hash, created_by, created_at)
                values (:name, :hash, :by, :at) returning id""")
                .param("name", n)
                .param("hash", hash(token))
                .param("by", user.getUsername())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        int position = 0;
        for (Long board : chosen) {
            jdbc.sql("insert into game_tv_link_board(link_id, board_id, position) values (:l, :b, :p)")
                    .param("l", id)
                    .param("b", board)
                    .param("p", position++)
                    .update();
        }
        audit.record(
                user.getUsername(),
                "GAME_TV_LINK_CREATED",
                "game_tv_link",
                String.valueOf(id),
                null,
                Map.of("name", n, "boards", List.copyOf(chosen)),
                null);
        return new Created(find(id).orElseThrow(), token);
    }

    @Transactional
    public Link revoke(AttainUser user, long id) {
        only(user);
        Link link = find(id).orElseThrow(() -> new NotFoundException("TV link", id));
        if (!link.revoked()) {
            jdbc.sql("update game_tv_link set revoked_by = :by, revoked_at = :at where id = :id and revoked_at is null")
                    .param("by", user.getUsername())
                    .param("at", Timestamp.from(clock.instant()))
                    .param("id", id)
                    .update();
            audit.record(user.getUsername(), "GAME_TV_LINK_REVOKED", "game_tv_link", String.valueOf(id), null, null);
        }
        return find(id).orElseThrow();
    }

    public List<Link> all() {
        return jdbc.sql(SELECT + " order by l.created_at desc, l.id desc")
                .query(this::link)
                .list();
    }

    public Optional<Link> find(long id) {
        return jdbc.sql(SELECT + " where l.id = :id")
                .param("id", id)
                .query(this::link)
                .optional();
    }

    /** What a token opens; an unknown token and a revoked one are told apart only by status (404 and 410). */
    public Opened open(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return new Unknown();
        }
        Optional<Link> link = jdbc.sql(SELECT + " where l.token_hash = :h")
                .param("h", hash(token))
                .query(this::link)
                .optional();
        if (link.isEmpty()) {
            return new Unknown();
        }
        return link.get().revoked() ? new Revoked() : new Open(link.get());
    }

    private static final String SELECT =
            "select l.id, l.name, l.created_by, l.created_at, l.revoked_at from game_tv_link l";

    private Link link(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long id = rs.getLong(1);
        List<Long> boardIds = jdbc.sql("select board_id from game_tv_link_board where link_id = :l order by position")
                .param("l", id)
                .query(Long.class)
                .list();
        Timestamp revoked = rs.getTimestamp(5);
        return new Link(
                id,
                rs.getString(2),
                boardIds,
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void only(AttainUser user) {
        if (user == null || !(user.has(org.attain.access.Role.ADMIN) || user.has(org.attain.access.Role.COMP_ADMIN))) {
            throw new ForbiddenException("game.forbidden.tv", "Only admins and comp admins manage TV links.");
        }
    }
}
