package org.attain.payout;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.access.Role;
import org.attain.calendar.Periods;
import org.attain.org.PersonScope;
import org.attain.org.Visibility;
import org.attain.platform.ConflictException;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval of payouts before payroll. A manager approves their subtree's payouts, admins and comp
 * admins anyone's, and nobody their own whatever their roles ({@link OwnPay}). An approval names the
 * exact result version, so a recalculation to different numbers shows as "changed since approval"
 * and needs approving again. A plan or team with an {@link ApprovalChains approval chain} passes its
 * levels in order (e.g. the manager, then finance), each by a different person; the payout is approved
 * when the last level approves, and only then does payroll see it.
 */
@Service
public class Approvals {

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CurrentResults results;
    private final Visibility visibility;
    private final Periods periods;
    private final AuditLog audit;
    private final Clock clock;
    private final OwnPay ownPay;
    private final ApprovalChains chains;

    Approvals(
            JdbcClient jdbc,
            CurrentResults results,
            Visibility visibility,
            Periods periods,
            AuditLog audit,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            OwnPay ownPay,
            ApprovalChains chains) {
        this.chains = chains;
        this.ownPay = ownPay;
        this.events = events;
        this.jdbc = jdbc;
        this.results = results;
        this.visibility = visibility;
        this.periods = periods;
        this.audit = audit;
        this.clock = clock;
    }

    public record Item(
            long personId,
            String externalId,
            String personName,
            String team,
            String period,
            long resultId,
            String currency,
            BigDecimal payout,
            ApprovalState state,
            String approvedBy,
            Instant approvedAt,
            BigDecimal approvedPayout,
            Instant exportedAt,
            boolean canApprove,
            boolean ownPay,
            int level,
            int levels,
            ApproverKind waitingFor,
            List<LevelDone> levelsDone,
            String planKey,
            Long teamId) {

        /** A payout with a single approval level and no plan or team known (exports build these). */
        public Item(
                long personId,
                String externalId,
                String personName,
                String team,
                String period,
                long resultId,
                String currency,
                BigDecimal payout,
                ApprovalState state,
                String approvedBy,
                Instant approvedAt,
                BigDecimal approvedPayout,
                Instant exportedAt,
                boolean canApprove,
                boolean ownPay) {
            this(
                    personId,
                    externalId,
                    personName,
                    team,
                    period,
                    resultId,
                    currency,
                    payout,
                    state,
                    approvedBy,
                    approvedAt,
                    approvedPayout,
                    exportedAt,
                    canApprove,
                    ownPay,
                    state == ApprovalState.APPROVED ? 0 : 1,
                    1,
                    state == ApprovalState.APPROVED ? null : ApproverKind.MANAGER,
                    List.of(),
                    null,
                    null);
        }
    }

    /** A level of a multi-level chain that approved the current numbers. */
    public record LevelDone(int level, ApproverKind approver, String approvedBy, Instant approvedAt) {}

    public record Approval(
            long id,
            long personId,
            String period,
            long resultId,
            String currency,
            BigDecimal payout,
            String approvedBy,
            Instant approvedAt,
            int level,
            int levels) {}

    /** Approved (and exported) sums of one period in one currency: what has been released for pay. */
    public record Released(String period, String currency, BigDecimal approved, BigDecimal exported) {}

    /** The payouts of a period this user may see, with their approval state; state null = all. */
    public List<Item> queue(AttainUser user, String period, ApprovalState state) {
        requireQueueReader(user);
        periods.find(period).orElseThrow(() -> new NotFoundException("period", period));
        PersonScope scope = visibility.scopeOf(user);
        Collection<Long> ids = scope.all() ? null : scope.personIds();
        Map<String, List<CurrentResults.LevelApproval>> done = results.levelApprovals(List.of(period), ids);
        ApprovalChains.Resolver resolver = chains.resolver();
        Approver approver = approver(user);
        return results.withApprovals(List.of(period), ids).stream()
                .filter(r -> state == null || r.state() == state)
                .map(r -> {
                    Progress p = Progress.of(
                            r,
                            resolver.levelsFor(r.planKey(), r.teamId()),
                            done.getOrDefault(r.personId() + "|" + r.periodId(), List.of()));
                    return item(r, p, p.mayBeApprovedBy(approver, r.personId()), OwnPay.isOwn(user, r.personId()));
                })
                .toList();
    }

    /**
     * Approves the current payout of a payee-period. Exactly one of two simultaneous approvals wins:
     * the unique result id lets the database decide, and the other caller hears who was first.
     */
    @Transactional
    public Approval approve(AttainUser user, long personId, String period) {
        ownPay.refuseOwn(user, personId, OwnPay.Act.APPROVE, personId + "/" + period);
        if (!visibility.canSee(user, personId)) {
            throw new NotFoundException("person", personId);
        }
        periods.find(period).orElseThrow(() -> new NotFoundException("period", period));
        CurrentResults.Row row = results.withApprovals(List.of(period), List.of(personId)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("calculated payout of person " + personId + " in", period));
        if (row.state() == ApprovalState.APPROVED) {
            throw alreadyApproved(row.approvedBy(), row.approvedAt());
        }
        List<ApproverKind> levels = chains.resolver().levelsFor(row.planKey(), row.teamId());
        Approver approver = approver(user);
        if (levels.size() == 1) {
            if (!approver.may(levels.get(0), personId)) {
                throw new ForbiddenException(
                        "Only a manager of this payee, an admin or a comp admin approves this payout.");
            }
            return release(user, row, 1);
        }
        Progress progress = Progress.of(
                row,
                levels,
                results.levelApprovals(List.of(period), List.of(personId))
                        .getOrDefault(personId + "|" + period, List.of()));
        ApproverKind kind = levels.get(progress.next() - 1);
        if (!approver.may(kind, personId)) {
            throw new ForbiddenException(
                    "approvals.level.notYours",
                    "Level " + progress.next() + " of " + levels.size() + " of this payout waits for "
                            + kind.name().toLowerCase(java.util.Locale.ROOT) + ".",
                    progress.next(),
                    levels.size(),
                    kind.name());
        }
        if (progress.approvedBy(user.getUsername())) {
            throw new ForbiddenException(
                    "approvals.level.sameApprover",
                    "You approved an earlier level of this payout; another person approves the next.");
        }
        Instant now = clock.instant();
        List<Long> inserted = jdbc.sql("""
                insert into payout_approval_level(person_id, period_id, result_id, fingerprint, level, approver, currency, payout,
                                                  approved_by, approved_at)
                values (:p, :period, :r, :f, :level, :kind, :c, :amount, :by, :at)
                on conflict (result_id, level) do nothing returning id""")
                .param("p", personId)
                .param("period", period)
                .param("r", row.resultId())
                .param("f", row.fingerprint())
                .param("level", progress.next())
                .param("kind", kind.name())
                .param("c", row.currency())
                .param("amount", row.payout())
                .param("by", user.getUsername())
                .param("at", Timestamp.from(now))
                .query(Long.class)
                .list();
        if (inserted.isEmpty()) {
            record Winner(String approvedBy, Instant approvedAt) {}
            Winner w = jdbc.sql(
                            "select approved_by, approved_at from payout_approval_level where result_id = :r and level = :l")
                    .param("r", row.resultId())
                    .param("l", progress.next())
                    .query(Winner.class)
                    .single();
            throw alreadyApproved(w.approvedBy(), w.approvedAt());
        }
        audit.record(
                user.getUsername(),
                "PAYOUT_LEVEL_APPROVED",
                "payout",
                personId + "/" + period,
                Map.of("state", row.state().name()),
                Map.of(
                        "level", progress.next(),
                        "levels", levels.size(),
                        "approver", kind.name(),
                        "resultId", row.resultId(),
                        "payout", row.payout().toPlainString(),
                        "currency", row.currency()));
        if (progress.next() == levels.size()) {
            return release(user, row, levels.size());
        }
        return new Approval(
                inserted.get(0),
                personId,
                period,
                row.resultId(),
                row.currency(),
                row.payout(),
                user.getUsername(),
                now,
                progress.next(),
                levels.size());
    }

    /** The approval that releases the payout for payroll: the only level, or the last of a chain. */
    private Approval release(AttainUser user, CurrentResults.Row row, int levels) {
        long personId = row.personId();
        String period = row.periodId();
        Instant now = clock.instant();
        List<Long> inserted = jdbc.sql("""
                insert into payout_approval(person_id, period_id, result_id, fingerprint, currency, payout, approved_by, approved_at)
                values (:p, :period, :r, :f, :c, :amount, :by, :at)
                on conflict (result_id) do nothing returning id""")
                .param("p", personId)
                .param("period", period)
                .param("r", row.resultId())
                .param("f", row.fingerprint())
                .param("c", row.currency())
                .param("amount", row.payout())
                .param("by", user.getUsername())
                .param("at", Timestamp.from(now))
                .query(Long.class)
                .list();
        if (inserted.isEmpty()) {
            record Winner(String approvedBy, Instant approvedAt) {}
            Winner w = jdbc.sql("select approved_by, approved_at from payout_approval where result_id = :r")
                    .param("r", row.resultId())
                    .query(Winner.class)
                    .single();
            throw alreadyApproved(w.approvedBy(), w.approvedAt());
        }
        audit.record(
                user.getUsername(),
                "PAYOUT_APPROVED",
                "payout",
                personId + "/" + period,
                Map.of("state", row.state().name()),
                Map.of("resultId", row.resultId(), "payout", row.payout().toPlainString(), "currency", row.currency()));
        events.publishEvent(new PayoutApproved(
                personId,
                period,
                row.resultId(),
                now.atZone(java.time.ZoneOffset.UTC).toLocalDate()));
        return new Approval(
                inserted.get(0),
                personId,
                period,
                row.resultId(),
                row.currency(),
                row.payout(),
                user.getUsername(),
                now,
                levels,
                levels);
    }

    /** Payouts of a period whose approval still holds: what payroll may pay. */
    public List<Item> approved(String period) {
        return results.withApprovals(List.of(period), null).stream()
                .filter(r -> r.state() == ApprovalState.APPROVED)
                .map(r -> item(r, Progress.released(r), false, false))
                .toList();
    }

    /** Approved and exported sums per period and currency for the people in scope (null ids = everyone). */
    public List<Released> released(Collection<String> periodIds, Set<Long> people) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (CurrentResults.Row r : results.withApprovals(periodIds, people)) {
            if (r.state() != ApprovalState.APPROVED) {
                continue;
            }
            BigDecimal[] s = sums.computeIfAbsent(
                    r.periodId() + "|" + r.currency(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(r.approvedPayout());
            if (r.exportedAt() != null) {
                s[1] = s[1].add(r.approvedPayout());
            }
        }
        return sums.entrySet().stream()
                .map(e -> {
                    String[] k = e.getKey().split("\\|");
                    return new Released(k[0], k[1], e.getValue()[0], e.getValue()[1]);
                })
                .toList();
    }

    void markExported(String period, Collection<Long> personIds, Instant at) {
        jdbc.sql("""
                update payout_approval set exported_at = coalesce(exported_at, :at)
                where period_id = :period and person_id = any(:ids)""")
                .param("at", Timestamp.from(at))
                .param("period", period)
                .param("ids", personIds.toArray(Long[]::new))
                .update();
    }

    /** How many payouts of a period wait for this user's approval: never approved, and changed since approval. */
    public record Waiting(String period, long pending, long changed) {}

    /**
     * The payouts of a period this user may approve and has not (yet, or since they changed): what their home page's
     * inbox counts. Zero for those who approve nothing (reps, finance), and never their own pay.
     */
    public Waiting waiting(AttainUser user, String period) {
        boolean everyone = Backoffice.compAdmin(user);
        if (!everyone && (!user.has(Role.MANAGER) || user.personId() == null)) {
            return new Waiting(period, 0, 0);
        }
        Set<Long> subtree = everyone ? null : visibility.subtree(user.personId(), LocalDate.now(clock));
        long pending = 0;
        long changed = 0;
        for (CurrentResults.Row r : results.withApprovals(List.of(period), subtree)) {
            if (OwnPay.isOwn(user, r.personId()) || (subtree != null && !subtree.contains(r.personId()))) {
                continue;
            }
            if (r.state() == ApprovalState.PENDING) {
                pending++;
            } else if (r.state() == ApprovalState.CHANGED) {
                changed++;
            }
        }
        return new Waiting(period, pending, changed);
    }

    boolean mayApprove(AttainUser user, long personId) {
        return approver(user).may(ApproverKind.MANAGER, personId);
    }

    /** Who may approve which level, with the manager's subtree read once for a whole queue. */
    private Approver approver(AttainUser user) {
        Set<Long> subtree = user.has(Role.MANAGER) && user.personId() != null
                ? visibility.subtree(user.personId(), LocalDate.now(clock))
                : Set.of();
        return new Approver(user, subtree);
    }

    record Approver(AttainUser user, Set<Long> subtree) {
        boolean may(ApproverKind kind, long personId) {
            if (OwnPay.isOwn(user, personId)) {
                return false;
            }
            return switch (kind) {
                case MANAGER -> Backoffice.compAdmin(user) || subtree.contains(personId);
                case FINANCE -> user.has(Role.FINANCE) || user.has(Role.ADMIN);
            };
        }
    }

    /**
     * Where a payout stands in its chain: the levels, those that approved its current numbers (in order, without
     * gaps), and the level it waits for (1-based; 0 when released).
     */
    record Progress(List<ApproverKind> levels, List<LevelDone> done, int next) {

        static Progress of(
                CurrentResults.Row r, List<ApproverKind> levels, List<CurrentResults.LevelApproval> approvals) {
            List<LevelDone> done = new java.util.ArrayList<>();
            if (levels.size() > 1) {
                for (int k = 1; k <= levels.size(); k++) {
                    int level = k;
                    var holding = approvals.stream()
                            .filter(a -> a.level() == level && a.holdsFor(r))
                            .reduce((a, b) -> b);
                    if (holding.isEmpty()) {
                        break;
                    }
                    done.add(new LevelDone(
                            level,
                            levels.get(level - 1),
                            holding.get().approvedBy(),
                            holding.get().approvedAt()));
                }
            }
            if (r.state() == ApprovalState.APPROVED) {
                return new Progress(levels, done, 0);
            }
            return new Progress(levels, done, Math.min(done.size() + 1, levels.size()));
        }

        static Progress released(CurrentResults.Row r) {
            return new Progress(ApprovalChains.SINGLE, List.of(), r.state() == ApprovalState.APPROVED ? 0 : 1);
        }

        ApproverKind waitingFor() {
            return next == 0 ? null : levels.get(next - 1);
        }

        boolean approvedBy(String username) {
            return done.stream().anyMatch(d -> d.approvedBy().equals(username));
        }

        boolean mayBeApprovedBy(Approver approver, long personId) {
            return next > 0
                    && approver.may(waitingFor(), personId)
                    && !approvedBy(approver.user().getUsername());
        }
    }

    static void requireQueueReader(AttainUser user) {
        if (!user.seesEveryone() && !user.has(Role.MANAGER)) {
            throw new ForbiddenException("Approvals are for managers and the back office.");
        }
    }

    private static ConflictException alreadyApproved(String by, Instant at) {
        return new AlreadyApprovedException(by, at);
    }

    private static Item item(CurrentResults.Row r, Progress p, boolean canApprove, boolean ownPay) {
        return new Item(
                r.personId(),
                r.externalId(),
                r.personName(),
                r.team(),
                r.periodId(),
                r.resultId(),
                r.currency(),
                r.payout(),
                r.state(),
                r.approvedBy(),
                r.approvedAt(),
                r.approvedPayout(),
                r.exportedAt(),
                canApprove && r.state() != ApprovalState.APPROVED,
                ownPay,
                p.next(),
                p.levels().size(),
                p.waitingFor(),
                List.copyOf(p.done()),
                r.planKey(),
                r.teamId());
    }

    /** The payout is already approved; carries who approved it so pages can say so in the user's language. */
    public static final class AlreadyApprovedException extends ConflictException {
        private final String approvedBy;

        AlreadyApprovedException(String approvedBy, Instant at) {
            super("This payout is already approved by " + approvedBy + " (" + at + ").");
            this.approvedBy = approvedBy;
        }

        public String approvedBy() {
            return approvedBy;
        }
    }
}
