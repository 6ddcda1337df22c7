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
 * and needs approving again.
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

    Approvals(
            JdbcClient jdbc,
            CurrentResults results,
            Visibility visibility,
            Periods periods,
            AuditLog audit,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            OwnPay ownPay) {
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
            boolean ownPay) {}

    public record Approval(
            long id,
            long personId,
            String period,
            long resultId,
            String currency,
            BigDecimal payout,
            String approvedBy,
            Instant approvedAt) {}

    /** Approved (and exported) sums of one period in one currency: what has been released for pay. */
    public record Released(String period, String currency, BigDecimal approved, BigDecimal exported) {}

    /** The payouts of a period this user may see, with their approval state; state null = all. */
    public List<Item> queue(AttainUser user, String period, ApprovalState state) {
        requireQueueReader(user);
        periods.find(period).orElseThrow(() -> new NotFoundException("period", period));
        PersonScope scope = visibility.scopeOf(user);
        return results.withApprovals(List.of(period), scope.all() ? null : scope.personIds()).stream()
                .filter(r -> state == null || r.state() == state)
                .map(r -> item(r, mayApprove(user, r.personId()), OwnPay.isOwn(user, r.personId())))
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
        if (!mayApprove(user, personId)) {
            throw new ForbiddenException(
                    "Only a manager of this payee, an admin or a comp admin approves this payout.");
        }
        periods.find(period).orElseThrow(() -> new NotFoundException("period", period));
        CurrentResults.Row row = results.withApprovals(List.of(period), List.of(personId)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("calculated payout of person " + personId + " in", period));
        if (row.state() == ApprovalState.APPROVED) {
            throw alreadyApproved(row.approvedBy(), row.approvedAt());
        }
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
                now);
    }

    /** Payouts of a period whose approval still holds: what payroll may pay. */
    public List<Item> approved(String period) {
        return results.withApprovals(List.of(period), null).stream()
                .filter(r -> r.state() == ApprovalState.APPROVED)
                .map(r -> item(r, false, false))
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

    boolean mayApprove(AttainUser user, long personId) {
        if (OwnPay.isOwn(user, personId)) {
            return false;
        }
        if (Backoffice.compAdmin(user)) {
            return true;
        }
        if (!user.has(Role.MANAGER) || user.personId() == null) {
            return false;
        }
        return visibility.subtree(user.personId(), LocalDate.now(clock)).contains(personId);
    }

    static void requireQueueReader(AttainUser user) {
        if (!user.seesEveryone() && !user.has(Role.MANAGER)) {
            throw new ForbiddenException("Approvals are for managers and the back office.");
        }
    }

    private static ConflictException alreadyApproved(String by, Instant at) {
        return new AlreadyApprovedException(by, at);
    }

    private static Item item(CurrentResults.Row r, boolean canApprove, boolean ownPay) {
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
                ownPay);
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
