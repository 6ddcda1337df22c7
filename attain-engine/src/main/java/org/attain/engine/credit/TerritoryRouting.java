package org.attain.engine.credit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Split;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.territory.ClaimingTerritory;
import org.attain.engine.territory.CreditingPolicy;
import org.attain.engine.territory.TerritoryConflict;
import org.attain.engine.territory.TerritoryCrediting;
import org.attain.engine.territory.TerritoryRole;

/**
 * Who gets a deal's credit under a crediting policy: the primary side from the first source in the policy's
 * precedence that claims the deal (the claiming territory's owner on the credit date, or the deal's owner
 * or split people), or from every such source when primary credit need not be given once; the overlay side
 * from the claiming territory's overlays and the deal's overlay splits. A person is credited once per deal
 * (primary before overlay). Territories of equal precedence claiming one deal leave it out and say so.
 */
final class TerritoryRouting {

    private final Set<PersonId> known;
    private final CreditingPolicy policy;
    private final TerritoryCrediting territories;
    private final List<Exclusion> exclusions = new ArrayList<>();
    private final Map<String, Tally> conflicts = new LinkedHashMap<>();
    private final Map<String, Tally> vacancies = new LinkedHashMap<>();

    private TerritoryRouting(Set<PersonId> known, TerritoryCrediting territories) {
        this.known = known;
        this.policy = territories.policy();
        this.territories = territories;
    }

    /** How often a problem was met, and the first deal it was met on (credit order), for the run's issues. */
    private static final class Tally {
        private final String first;
        private int count;

        Tally(String first) {
            this.first = first;
        }
    }

    static CreditIndex index(List<Transaction> transactions, Set<PersonId> known, TerritoryCrediting territories) {
        TerritoryRouting routing = new TerritoryRouting(known, territories);
        Map<TransactionId, Transaction> byId = new HashMap<>(Math.max(16, transactions.size() * 4 / 3 + 1));
        List<Transaction> unique = new ArrayList<>(transactions.size());
        for (Transaction t : transactions) {
            if (byId.putIfAbsent(t.id(), t) != null) {
                routing.exclusions.add(
                        new Exclusion(t.id(), "transaction id appears more than once; the first is used"));
            } else {
                unique.add(t);
            }
        }
        unique.sort(CreditIndex.CREDIT_ORDER);
        Map<PersonId, List<SourceCredit>> byPerson = new HashMap<>();
        List<Transaction> valid = new ArrayList<>(unique.size());
        for (Transaction t : unique) {
            List<SourceCredit> credits = routing.route(t);
            if (credits == null) {
                byId.remove(t.id());
                continue;
            }
            valid.add(t);
            for (SourceCredit c : credits) {
                byPerson.computeIfAbsent(c.person(), k -> new ArrayList<>()).add(c);
            }
        }
        return CreditIndex.of(byPerson, byId, valid, routing.exclusions, routing.issues());
    }

    /** The deal's source credits, or null when it is left out (an exclusion says why). */
    private List<SourceCredit> route(Transaction t) {
        Optional<ClaimingTerritory> claim = Optional.empty();
        if (policy.usesTerritories()) {
            try {
                claim = territories.claims().claim(t, t.closeDate());
            } catch (TerritoryConflict c) {
                String pair = String.join(" and ", c.territories());
                exclusions.add(new Exclusion(
                        t.id(),
                        "claimed by territories " + pair + " of equal precedence " + c.precedence() + " on "
                                + c.day()));
                tally(conflicts, "territories " + pair + " of equal precedence " + c.precedence(), t);
                return null;
            }
        }
        List<SourceCredit> credits = new ArrayList<>(2);
        boolean claimed = false;
        for (CreditingPolicy.Source source : policy.precedence()) {
            if (claimed && policy.primaryOnce()) {
                break;
            }
            if (source == CreditingPolicy.Source.TERRITORY) {
                if (claim.isPresent()) {
                    claimed = true;
                    ClaimingTerritory territory = claim.get();
                    if (territory.owner() == null) {
                        tally(vacancies, "territory " + territory.id() + " has no owner", t);
                    } else {
                        add(
                                credits,
                                new SourceCredit(
                                        t,
                                        territory.owner(),
                                        BigDecimal.ONE,
                                        false,
                                        territory.via(TerritoryRole.OWNER)));
                    }
                }
            } else if (hasPrimarySide(t)) {
                Optional<String> problem = CreditIndex.problem(t, known);
                if (problem.isPresent()) {
                    exclusions.add(new Exclusion(t.id(), problem.get()));
                    return null;
                }
                claimed = true;
                if (t.splits().isEmpty()) {
                    add(credits, new SourceCredit(t, t.owner(), BigDecimal.ONE, false));
                }
                for (Split s : t.splits()) {
                    if (!s.overlay()) {
                        add(credits, new SourceCredit(t, s.person(), s.share(), false));
                    }
                }
            }
        }
        if (claim.isPresent()) {
            for (PersonId overlay : claim.get().overlays()) {
                add(
                        credits,
                        new SourceCredit(
                                t, overlay, BigDecimal.ONE, true, claim.get().via(TerritoryRole.OVERLAY)));
            }
        }
        for (Split s : t.splits()) {
            if (s.overlay()) {
                add(credits, new SourceCredit(t, s.person(), s.share(), true));
            }
        }
        for (SourceCredit c : credits) {
            if (!known.contains(c.person())) {
                exclusions.add(new Exclusion(
                        t.id(),
                        "unknown payee '" + c.person() + "'"
                                + (c.territory() == null
                                        ? " in splits"
                                        : " on territory " + c.territory().id())));
                return null;
            }
        }
        if (!claimed) {
            // Said as without a policy when the owner could have had it (e.g. splits of overlays only).
            String reason = policy.precedence().contains(CreditingPolicy.Source.OWNER)
                    ? CreditIndex.problem(t, known).orElse("no owner and no splits: nobody to credit")
                    : "no territory claims it on " + t.closeDate() + ": nobody to credit";
            exclusions.add(new Exclusion(t.id(), reason));
            return null;
        }
        return credits;
    }

    /**
     * Whether the deal itself names someone for primary credit: its owner when it has no splits, else a split
     * that is not an overlay (splits replace the owner, as without a policy). A deal with overlay splits only
     * leaves the primary side to the territory.
     */
    private static boolean hasPrimarySide(Transaction t) {
        if (t.splits().isEmpty()) {
            return t.owner() != null;
        }
        for (Split s : t.splits()) {
            if (!s.overlay()) {
                return true;
            }
        }
        return false;
    }

    /** Adds a credit unless its person already has one for this deal (primary ones come first). */
    private static void add(List<SourceCredit> credits, SourceCredit credit) {
        for (SourceCredit c : credits) {
            if (c.person().equals(credit.person())) {
                return;
            }
        }
        credits.add(credit);
    }

    private static void tally(Map<String, Tally> tallies, String what, Transaction t) {
        tallies.computeIfAbsent(what, k -> new Tally(t.id() + " on " + t.closeDate())).count++;
    }

    private List<String> issues() {
        List<String> issues = new ArrayList<>();
        conflicts.forEach((what, tally) -> issues.add(what + " claim the same " + tally.count + " deal(s) (first "
                + tally.first + "): left out; give one territory a higher precedence"));
        vacancies.forEach((what, tally) -> issues.add(what + " on the credit date of " + tally.count
                + " deal(s) (first " + tally.first + "): nobody gets their primary credit"));
        return issues;
    }
}
