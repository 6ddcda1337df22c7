package org.attain.payout;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.access.UserAccounts;
import org.attain.calendar.Periods;
import org.attain.org.Visibility;
import org.attain.pay.Earnings;
import org.attain.platform.ConflictException;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.attain.platform.PageRequest;
import org.attain.platform.Paged;
import org.attain.platform.SearchText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions about statement lines and their workflow. A payee or anyone who may see their pay opens
 * one; admins and comp admins take it into review and resolve or reject it with a note, except on
 * their own pay ({@link OwnPay}): there they comment like any payee. Every state change is a
 * conditional update on the expected status and is audited.
 */
@Service
public class Disputes {

    static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Visibility visibility;
    private final Periods periods;
    private final Earnings earnings;
    private final CurrentResults results;
    private final AuditLog audit;
    private final Clock clock;
    private final OwnPay ownPay;
    private final UserAccounts users;

    Disputes(
            JdbcClient jdbc,
            Visibility visibility,
            Periods periods,
            Earnings earnings,
            CurrentResults results,
            AuditLog audit,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            OwnPay ownPay,
            UserAccounts users) {
        this.ownPay = ownPay;
        this.users = users;
        this.events = events;
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.periods = periods;
        this.earnings = earnings;
        this.results = results;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewDispute(Long personId, String period, Integer lineNo, String text) {}

    public record Dispute(
            long id,
            long personId,
            String personExternalId,
            String personEmail,
            String personName,
            String periodId,
            Integer lineNo,
            String component,
            BigDecimal lineAmount,
            String currency,
            String text,
            DisputeStatus status,
            String assignee,
            String openedBy,
            Instant openedAt,
            Instant updatedAt,
            Instant closedAt,
            long ageDays) {}

    public record Comment(long id, String author, Instant at, String text) {}

    /** Filter for the inbox: any field null means "any"; holder "none" means unassigned. */
    public record Filter(DisputeStatus status, String holder, Integer minAgeDays, Long personId) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    @Transactional
    public Dispute open(AttainUser user, NewDispute in) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = in.text() == null ? "" : in.text().strip();
        if (text.isEmpty()) {
            problems.add(new FieldProblem(
                    "text", "dispute.error.textRequired", "is required: say what looks wrong with this line"));
        } else if (text.length() > MAX_TEXT) {
            problems.add(new FieldProblem(
                    "text", "dispute.error.textTooLong", "is longer than " + MAX_TEXT + " characters"));
        }
        if (in.personId() == null) {
            problems.add(new FieldProblem("personId", "dispute.error.personRequired", "is required"));
        }
        if (in.period() == null || in.period().isBlank()) {
            problems.add(new FieldProblem("period", "dispute.error.periodRequired", "is required"));
        }
        if (in.lineNo() == null) {
            problems.add(new FieldProblem(
                    "lineNo", "dispute.error.lineRequired", "is required: which statement line is in question"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!visibility.canSee(user, in.personId())) {
            throw new NotFoundException("person", in.personId());
        }
        String period = in.period().strip();
        periods.find(period).orElseThrow(() -> new NotFoundException("period", period));
        Earnings.Statement statement = earnings.statement(in.personId(), period);
        Earnings.Line line = statement.lines().stream()
                .filter(l -> l.lineNo() == in.lineNo())
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(new FieldProblem(
                        "lineNo", "dispute.error.lineUnknown", "statement " + period + " has no line " + in.lineNo())));
        Long resultId =
                results.of(in.personId(), period).map(CurrentResults.Result::id).orElse(null);
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                insert into dispute(person_id, period_id, result_id, line_no, component, line_amount, currency, text,
                                    opened_by, opened_at, updated_at)
                values (:p, :period, :r, :line, :component, :amount, :currency, :text, :by, :at, :at) returning id""")
                .param("p", in.personId())
                .param("period", period)
                .param("r", resultId)
                .param("line", line.lineNo())
                .param("component", line.component())
                .param("amount", line.amount())
                .param("currency", statement.currency())
                .param("text", text)
                .param("by", user.getUsername())
                .param("at", now)
                .query(Long.class)
                .single();
        audit.record(
                user.getUsername(),
                "DISPUTE_OPENED",
                "dispute",
                String.valueOf(id),
                null,
                Map.of(
                        "person",
                        in.personId(),
                        "period",
                        period,
                        "line",
                        line.lineNo(),
                        "status",
                        DisputeStatus.OPEN.name()),
                text);
        events.publishEvent(new DisputeOpened(id, in.personId(), period, line.lineNo()));
        return find(user, id);
    }

    public Dispute find(AttainUser user, long id) {
        Dispute d = jdbc.sql(SELECT + " where d.id = :id")
                .param("id", id)
                .query(this::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("dispute", id));
        if (!visibility.canSee(user, d.personId())) {
            throw new NotFoundException("dispute", id);
        }
        return d;
    }

    /** Disputes this user may see, newest first, narrowed by the filter. */
    public List<Dispute> list(AttainUser user, Filter f) {
        String holder =
                f.holder() == null || f.holder().isBlank() ? null : f.holder().strip();
        Instant openedBefore = f.minAgeDays() == null ? null : clock.instant().minus(Duration.ofDays(f.minAgeDays()));
        return jdbc.sql(SELECT + """
                 where (cast(:ids as bigint[]) is null or d.person_id = any(cast(:ids as bigint[])))
                   and (cast(:status as text) is null or d.status = cast(:status as text))
                   and (cast(:holder as text) is null or (cast(:holder as text) = 'none' and d.assignee is null)
                        or d.assignee = cast(:holder as text))
                   and (cast(:before as timestamptz) is null or d.opened_at <= cast(:before as timestamptz))
                   and (cast(:person as bigint) is null or d.person_id = cast(:person as bigint))
                 order by d.opened_at desc, d.id desc limit 500""")
                .param("ids", visibility.scopeOf(user).idsOrNull())
                .param("status", f.status() == null ? null : f.status().name())
                .param("holder", holder)
                .param("before", openedBefore == null ? null : Timestamp.from(openedBefore))
                .param("person", f.personId())
                .query(this::row)
                .list();
    }

    /**
     * One page of {@link #list(AttainUser, Filter)} (same visibility and filters) with a search text
     * found in the payee's name, the question, the component or the period, and the total.
     */
    public Paged<Dispute> page(AttainUser user, Filter f, String q, PageRequest page) {
        String holder =
                f.holder() == null || f.holder().isBlank() ? null : f.holder().strip();
        Instant openedBefore = f.minAgeDays() == null ? null : clock.instant().minus(Duration.ofDays(f.minAgeDays()));
        String where = """
                 where (cast(:ids as bigint[]) is null or d.person_id = any(cast(:ids as bigint[])))
                   and (cast(:status as text) is null or d.status = cast(:status as text))
                   and (cast(:holder as text) is null or (cast(:holder as text) = 'none' and d.assignee is null)
                        or d.assignee = cast(:holder as text))
                   and (cast(:before as timestamptz) is null or d.opened_at <= cast(:before as timestamptz))
                   and (cast(:person as bigint) is null or d.person_id = cast(:person as bigint))
                   and (:q = '' or p.first_name || ' ' || p.last_name ilike :like or d.text ilike :like
                        or d.component ilike :like or d.period_id ilike :like or cast(d.id as text) = :q)
                """;
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("ids", visibility.scopeOf(user).idsOrNull());
        params.put("status", f.status() == null ? null : f.status().name());
        params.put("holder", holder);
        params.put("before", openedBefore == null ? null : Timestamp.from(openedBefore));
        params.put("person", f.personId());
        params.put("q", SearchText.of(q));
        params.put("like", SearchText.like(q));
        long total = jdbc.sql("select count(*) from dispute d join org_person_v p on p.id = d.person_id " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Dispute> rows = jdbc.sql(
                        SELECT + where + " order by d.opened_at desc, d.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(this::row)
                .list();
        return Paged.of(rows, page, total);
    }

    public List<Comment> comments(AttainUser user, long disputeId) {
        find(user, disputeId);
        return jdbc.sql("select id, author, at, text from dispute_comment where dispute_id = :d order by at, id")
                .param("d", disputeId)
                .query(Comment.class)
                .list();
    }

    @Transactional
    public Comment comment(AttainUser user, long disputeId, String text) {
        find(user, disputeId);
        String t = requireNote(text, "dispute.error.commentRequired", "is required");
        long id = jdbc.sql(
                        "insert into dispute_comment(dispute_id, author, at, text) values (:d, :a, :at, :t) returning id")
                .param("d", disputeId)
                .param("a", user.getUsername())
                .param("at", Timestamp.from(clock.instant()))
                .param("t", t)
                .query(Long.class)
                .single();
        return new Comment(id, user.getUsername(), clock.instant(), t);
    }

    /**
     * Moves a dispute on. Into review takes it (the actor holds it unless it already has a holder);
     * resolving or rejecting needs a note the payee will read.
     */
    @Transactional
    public Dispute move(AttainUser user, long disputeId, DisputeStatus to, String note) {
        Dispute d = find(user, disputeId);
        ownPay.refuseOwn(user, d.personId(), OwnPay.Act.DISPUTE, String.valueOf(disputeId));
        requireCompAdmin(user);
        if (to == null || to == DisputeStatus.OPEN) {
            throw new InvalidInputException(new FieldProblem(
                    "status", "dispute.error.statusInvalid", "must be one of IN_REVIEW, RESOLVED, REJECTED"));
        }
        String n = to.closed()
                ? requireNote(note, "dispute.error.noteRequired", "is required to resolve or reject a dispute")
                : note == null || note.isBlank() ? null : note.strip();
        List<String> from = java.util.Arrays.stream(DisputeStatus.values())
                .filter(s -> s.next().contains(to))
                .map(Enum::name)
                .toList();
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.sql("""
                update dispute set status = :to, updated_at = :at,
                       assignee = coalesce(assignee, :actor),
                       closed_at = case when :closed then :at else closed_at end
                where id = :id and status = any(:from)""")
                .param("to", to.name())
                .param("at", now)
                .param("actor", user.getUsername())
                .param("closed", to.closed())
                .param("id", disputeId)
                .param("from", from.toArray(String[]::new))
                .update();
        if (changed == 0) {
            throw new ConflictException("Dispute " + disputeId + " is "
                    + find(user, disputeId).status() + " and cannot move to " + to + ".");
        }
        if (n != null) {
            jdbc.sql("insert into dispute_comment(dispute_id, author, at, text) values (:d, :a, :at, :t)")
                    .param("d", disputeId)
                    .param("a", user.getUsername())
                    .param("at", now)
                    .param("t", n)
                    .update();
        }
        audit.record(
                user.getUsername(),
                "DISPUTE_" + to.name(),
                "dispute",
                String.valueOf(disputeId),
                Map.of("status", d.status().name()),
                Map.of("status", to.name()),
                n);
        return find(user, disputeId);
    }

    /**
     * Hands a dispute to someone (blank = nobody). Closed disputes keep their last holder. Nobody hands
     * out a dispute on their own pay, nor hands one to the payee it is about.
     */
    @Transactional
    public Dispute assign(AttainUser user, long disputeId, String assignee) {
        Dispute d = find(user, disputeId);
        ownPay.refuseOwn(user, d.personId(), OwnPay.Act.DISPUTE, String.valueOf(disputeId));
        requireCompAdmin(user);
        String to = assignee == null || assignee.isBlank() ? null : assignee.strip();
        if (to != null && users.find(to).map(u -> OwnPay.isOwn(u, d.personId())).orElse(false)) {
            throw new InvalidInputException(new FieldProblem(
                    "assignee",
                    "dispute.error.assigneeOwnPay",
                    "is the payee of this dispute; hand it to someone else"));
        }
        int changed = jdbc.sql("""
                update dispute set assignee = :to, updated_at = :at where id = :id and status in ('OPEN','IN_REVIEW')""")
                .param("to", to)
                .param("at", Timestamp.from(clock.instant()))
                .param("id", disputeId)
                .update();
        if (changed == 0) {
            throw new ConflictException("Dispute " + disputeId + " is closed; its holder no longer changes.");
        }
        audit.record(
                user.getUsername(),
                "DISPUTE_ASSIGNED",
                "dispute",
                String.valueOf(disputeId),
                java.util.Collections.singletonMap("assignee", d.assignee()),
                java.util.Collections.singletonMap("assignee", to));
        return find(user, disputeId);
    }

    private static void requireCompAdmin(AttainUser user) {
        if (!Backoffice.compAdmin(user)) {
            throw new ForbiddenException("Only admins and comp admins work on disputes; you can comment.");
        }
    }

    private static String requireNote(String text, String code, String reason) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException(new FieldProblem("text", code, reason));
        }
        if (t.length() > MAX_TEXT) {
            throw new InvalidInputException(new FieldProblem(
                    "text", "dispute.error.textTooLong", "is longer than " + MAX_TEXT + " characters"));
        }
        return t;
    }

    private Dispute row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Instant opened = rs.getTimestamp("opened_at").toInstant();
        Timestamp closedTs = rs.getTimestamp("closed_at");
        Instant closed = closedTs == null ? null : closedTs.toInstant();
        long age = Duration.between(opened, closed == null ? clock.instant() : closed)
                .toDays();
        Integer line = rs.getObject("line_no", Integer.class);
        return new Dispute(
                rs.getLong("id"),
                rs.getLong("person_id"),
                rs.getString("person_external_id"),
                rs.getString("person_email"),
                rs.getString("person_name"),
                rs.getString("period_id"),
                line,
                rs.getString("component"),
                rs.getBigDecimal("line_amount"),
                rs.getString("currency"),
                rs.getString("text"),
                DisputeStatus.valueOf(rs.getString("status")),
                rs.getString("assignee"),
                rs.getString("opened_by"),
                opened,
                rs.getTimestamp("updated_at").toInstant(),
                closed,
                Math.max(0, age));
    }

    // The payee's name comes with the row so the inbox is one query, not one per line.
    private static final String SELECT = """
            select d.id, d.person_id, p.external_id as person_external_id, p.email as person_email,
                   p.first_name || ' ' || p.last_name as person_name, d.period_id, d.line_no,
                   d.component, d.line_amount, d.currency, d.text, d.status, d.assignee, d.opened_by, d.opened_at,
                   d.updated_at, d.closed_at
            from dispute d join org_person_v p on p.id = d.person_id
            """;
}
