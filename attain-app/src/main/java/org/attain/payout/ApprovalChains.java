package org.attain.payout;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Approval chains: per plan or per team, the levels a payout passes in order (e.g. the manager, then finance). A
 * payee's chain is their plan's when it has one, else their team's, else the single manager level payouts always had.
 * Admins and comp admins set them; everyone who approves reads them.
 */
@Service
public class ApprovalChains {

    /** The chain of every payee nobody configured: one level, approved as before chains existed. */
    public static final List<ApproverKind> SINGLE = List.of(ApproverKind.MANAGER);

    /** A configured chain; exactly one of plan key and team id is set. */
    public record Chain(long id, String planKey, Long teamId, String teamName, List<ApproverKind> levels) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ApprovalChains(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Chain> all() {
        return jdbc.sql("""
                select c.id, c.plan_key, c.team_id, t.name as team_name, c.levels from payout_approval_chain c
                left join org_team_v t on t.id = c.team_id order by c.plan_key nulls last, t.name""")
                .query((rs, n) -> new Chain(
                        rs.getLong("id"),
                        rs.getString("plan_key"),
                        rs.getObject("team_id", Long.class),
                        rs.getString("team_name"),
                        Arrays.stream((String[]) rs.getArray("levels").getArray())
                                .map(ApproverKind::valueOf)
                                .toList()))
                .list();
    }

    /** The plans a chain may name: key to the name of its latest version (plan's published view), by key. */
    public Map<String, String> planNames() {
        Map<String, String> names = new java.util.TreeMap<>();
        jdbc.sql("select distinct on (plan_key) plan_key, name from plan_version_v order by plan_key, version desc")
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }

    /** The levels of a payee on this plan in this team: the plan's chain first, then the team's, else {@link #SINGLE}. */
    public Resolver resolver() {
        List<Chain> chains = all();
        return (planKey, teamId) -> chains.stream()
                .filter(c -> c.planKey() != null && c.planKey().equals(planKey))
                .findFirst()
                .or(() -> chains.stream()
                        .filter(c -> c.teamId() != null && c.teamId().equals(teamId))
                        .findFirst())
                .map(Chain::levels)
                .orElse(SINGLE);
    }

    /** Looks up chains once and answers for many payees. */
    @FunctionalInterface
    public interface Resolver {
        List<ApproverKind> levelsFor(String planKey, Long teamId);
    }

    /** Sets (or replaces) the chain of a plan or a team. */
    @Transactional
    public Chain set(AttainUser user, String planKey, Long teamId, List<ApproverKind> levels) {
        if (!Backoffice.compAdmin(user)) {
            throw new ForbiddenException("Approval chains are set by admins and comp admins.");
        }
        boolean plan = planKey != null && !planKey.isBlank();
        if (plan == (teamId != null)) {
            throw new InvalidInputException(new FieldProblem(
                    "planKey", "approvals.chain.error.scope", "name either a plan (planKey) or a team (teamId)"));
        }
        if (levels == null || levels.isEmpty() || levels.size() > 5 || levels.contains(null)) {
            throw new InvalidInputException(new FieldProblem(
                    "levels", "approvals.chain.error.levels", "give 1 to 5 levels, each MANAGER or FINANCE"));
        }
        if (teamId != null
                && jdbc.sql("select count(*) from org_team_v where id = :t")
                                .param("t", teamId)
                                .query(Long.class)
                                .single()
                        == 0) {
            throw new NotFoundException("team", teamId);
        }
        String[] kinds = levels.stream().map(Enum::name).toArray(String[]::new);
        jdbc.sql(
                        plan
                                ? "delete from payout_approval_chain where plan_key = :k"
                                : "delete from payout_approval_chain where team_id = :t")
                .param(plan ? "k" : "t", plan ? planKey.strip() : teamId)
                .update();
        long id = jdbc.sql("""
                insert into payout_approval_chain(plan_key, team_id, levels, created_by, created_at)
                values (:k, :t, :levels, :by, :at) returning id""")
                .param("k", plan ? planKey.strip() : null)
                .param("t", teamId)
                .param("levels", kinds)
                .param("by", user.getUsername())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        audit.record(
                user.getUsername(),
                "APPROVAL_CHAIN_SET",
                "approval_chain",
                plan ? "plan:" + planKey.strip() : "team:" + teamId,
                null,
                Map.of("levels", String.join(" > ", kinds)));
        return all().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /** Removes a chain: its payees go back to the single level. */
    @Transactional
    public void remove(AttainUser user, long id) {
        if (!Backoffice.compAdmin(user)) {
            throw new ForbiddenException("Approval chains are set by admins and comp admins.");
        }
        Optional<Chain> c = all().stream().filter(x -> x.id() == id).findFirst();
        if (c.isEmpty()) {
            throw new NotFoundException("approval chain", id);
        }
        jdbc.sql("delete from payout_approval_chain where id = :id")
                .param("id", id)
                .update();
        audit.record(
                user.getUsername(),
                "APPROVAL_CHAIN_REMOVED",
                "approval_chain",
                c.get().planKey() != null
                        ? "plan:" + c.get().planKey()
                        : "team:" + c.get().teamId(),
                Map.of("levels", c.get().levels().toString()),
                null);
    }
}
