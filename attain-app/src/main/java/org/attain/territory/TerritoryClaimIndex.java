package org.attain.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.engine.territory.ClaimingTerritory;
import org.attain.engine.territory.TerritoryClaims;
import org.attain.territory.TerritoryAssignments.ClaimMember;
import org.attain.territory.TerritoryAssignments.TerritoryClaim;

/**
 * A run's territory claims as the engine asks for them: the deal's account (its id under {@code account.id}, as
 * sales loads it) looked up by id, then the claim in force on the credit date by binary search over the account's
 * claims (ordered, not overlapping). Built once per run, immutable afterwards, so the run's threads share it.
 */
final class TerritoryClaimIndex implements TerritoryClaims {

    /** The key of the account's id in a transaction's account attributes (sales puts it there). */
    static final String ACCOUNT_ID = "id";

    private final Map<Long, LocalDate[]> starts = new HashMap<>();
    private final Map<Long, LocalDate[]> ends = new HashMap<>();
    private final Map<Long, ClaimingTerritory[]> territories = new HashMap<>();
    private final Map<Long, Set<Long>> accountsOf = new HashMap<>();

    /** {@code claims} of one hierarchy, ordered by account and start (as {@link TerritoryAssignments#claims} gives them). */
    TerritoryClaimIndex(List<TerritoryClaim> claims) {
        Map<Long, List<TerritoryClaim>> byAccount = new HashMap<>();
        for (TerritoryClaim c : claims) {
            byAccount.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c);
            for (ClaimMember m : c.members()) {
                accountsOf.computeIfAbsent(m.personId(), k -> new TreeSet<>()).add(c.accountId());
            }
        }
        byAccount.forEach((account, list) -> {
            list.sort(java.util.Comparator.comparing(TerritoryClaim::validFrom));
            int n = list.size();
            LocalDate[] from = new LocalDate[n];
            LocalDate[] until = new LocalDate[n];
            ClaimingTerritory[] who = new ClaimingTerritory[n];
            for (int i = 0; i < n; i++) {
                TerritoryClaim c = list.get(i);
                from[i] = c.validFrom();
                until[i] = c.validUntil();
                who[i] = claiming(c);
            }
            starts.put(account, from);
            ends.put(account, until);
            territories.put(account, who);
        });
        accountsOf.replaceAll((p, accounts) -> Set.copyOf(accounts));
    }

    /**
     * The territory's owner on the claim's days (the first by person id should two owners overlap) and its overlays.
     * The territory is shown by its name, its code beside it.
     */
    private static ClaimingTerritory claiming(TerritoryClaim c) {
        PersonId owner = null;
        List<PersonId> overlays = new ArrayList<>();
        for (ClaimMember m : c.members()) {
            PersonId p = PersonId.of(Long.toString(m.personId()));
            if (m.role() == MemberRole.OWNER) {
                if (owner == null) {
                    owner = p;
                }
            } else {
                overlays.add(p);
            }
        }
        String code = c.territoryCode() == null ? Long.toString(c.territoryId()) : c.territoryCode();
        String name = c.territoryName() == null ? code : c.territoryName();
        return new ClaimingTerritory(code, name, 0, owner, overlays);
    }

    @Override
    public Optional<ClaimingTerritory> claim(Transaction t, LocalDate creditDate) {
        if (!(t.account().get(ACCOUNT_ID) instanceof Number id)) {
            return Optional.empty();
        }
        LocalDate[] from = starts.get(id.longValue());
        if (from == null) {
            return Optional.empty();
        }
        // The last claim starting on or before the day; it claims the deal if the day is before its end.
        int lo = 0;
        int hi = from.length - 1;
        int at = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (!from[mid].isAfter(creditDate)) {
                at = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (at < 0 || !creditDate.isBefore(ends.get(id.longValue())[at])) {
            return Optional.empty();
        }
        return Optional.of(territories.get(id.longValue())[at]);
    }

    /** Person id to the accounts they own or overlay through a territory on some day of the claims. */
    Map<Long, Set<Long>> accountsOf() {
        return accountsOf;
    }
}
