package org.attain.territory;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checked writes of territories, rules and members, each all or nothing: every problem is reported at once
 * ({@link TerritoryRefused}), a rule set that lets two territories claim one account at the same precedence is
 * rolled back, and {@link TerritoriesChanged} names the people whose territory credit may move.
 */
@Service
public class TerritoryChanges {

    /** A territory as a planner gives it: parent and hierarchy by id. */
    public record TerritoryInput(
            Long hierarchyId,
            String code,
            String name,
            Level level,
            Long parentId,
            LocalDate validFrom,
            LocalDate validUntil) {}

    /** A rule as given: lists may be empty (no condition); accounts by external id. */
    public record RuleInput(
            Integer precedence,
            List<String> countries,
            String postalFrom,
            String postalTo,
            List<String> industries,
            List<String> sizeBands,
            List<String> accounts,
            LocalDate validFrom,
            LocalDate validUntil) {

        public RuleInput {
            countries = TerritoryWrites.clean(countries, true);
            industries = TerritoryWrites.clean(industries, false);
            sizeBands = TerritoryWrites.clean(sizeBands, true);
            accounts = TerritoryWrites.clean(accounts, false);
            postalFrom = TerritoryWrites.blankToNull(postalFrom);
            postalTo = TerritoryWrites.blankToNull(postalTo);
        }
    }

    /** A member as given: the person by id, employee id or e-mail. */
    public record MemberInput(String person, MemberRole role, LocalDate validFrom, LocalDate validUntil) {}

    private final TerritoryWrites writes;

    TerritoryChanges(TerritoryWrites writes) {
        this.writes = writes;
    }

    /**
     * Moves accounts (by id) to target territories (by id) of one hierarchy from a day on, all or nothing: each target
     * gets a named-account rule from that day, ranked ahead of the rules with conditions, and named-account rules that
     * name a moved account from that day on end the day before (their other accounts stay named). Before the day every
     * account stays where it was. Returns the new rules.
     */
    @Transactional
    public List<TerritoryRule> moveAccounts(
            long hierarchyId, java.util.Map<Long, List<Long>> accountsByTarget, LocalDate from, String actor) {
        return writes.moveAccounts(hierarchyId, accountsByTarget, from, actor);
    }

    @Transactional
    public Hierarchy createHierarchy(String code, String name) {
        return writes.createHierarchy(code, name);
    }

    @Transactional
    public Territory createTerritory(TerritoryInput in, String actor) {
        return writes.createTerritory(in, actor);
    }

    @Transactional
    public Territory updateTerritory(long id, TerritoryInput in, String actor) {
        return writes.updateTerritory(id, in, actor);
    }

    @Transactional
    public TerritoryRule addRule(long territoryId, RuleInput in, String actor) {
        return writes.addRule(territoryId, in, actor);
    }

    @Transactional
    public TerritoryRule updateRule(long territoryId, long ruleId, RuleInput in, String actor) {
        return writes.updateRule(territoryId, ruleId, in, actor);
    }

    @Transactional
    public void deleteRule(long territoryId, long ruleId, String actor) {
        writes.deleteRule(territoryId, ruleId, actor);
    }

    @Transactional
    public TerritoryMember addMember(long territoryId, MemberInput in, String actor) {
        return writes.addMember(territoryId, in, actor);
    }

    @Transactional
    public TerritoryMember updateMember(long territoryId, long memberId, MemberInput in, String actor) {
        return writes.updateMember(territoryId, memberId, in, actor);
    }

    @Transactional
    public void deleteMember(long territoryId, long memberId, String actor) {
        writes.deleteMember(territoryId, memberId, actor);
    }
}
