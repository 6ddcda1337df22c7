package org.attain.engine.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Split;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.territory.TerritoryCrediting;

/**
 * Validates every transaction once per run and indexes the valid ones by the person they credit.
 * Invalid ones (splits not adding to 1.00, unknown payee) become {@link Exclusion}s so the
 * run completes for everyone else. Immutable once built; shared read-only by all payee calculations.
 */
public final class CreditIndex {

    /** Credit order within a payee: by date, then id, so running totals and traces are reproducible. */
    public static final Comparator<Transaction> CREDIT_ORDER =
            Comparator.comparing(Transaction::closeDate).thenComparing(Transaction::id);

    private final Map<PersonId, List<SourceCredit>> byPerson;
    private final Map<TransactionId, Transaction> byId;
    private final List<Transaction> valid;
    private final List<Exclusion> exclusions;
    private final List<String> issues;

    private CreditIndex(
            Map<PersonId, List<SourceCredit>> byPerson,
            Map<TransactionId, Transaction> byId,
            List<Transaction> valid,
            List<Exclusion> exclusions,
            List<String> issues) {
        this.byPerson = byPerson;
        this.byId = byId;
        this.valid = valid;
        this.exclusions = exclusions;
        this.issues = issues;
    }

    public static CreditIndex build(List<Transaction> transactions, Set<PersonId> knownPeople) {
        return build(transactions, knownPeople, TerritoryCrediting.NONE);
    }

    /**
     * The index under a crediting policy: who gets each deal's credit is decided by {@link TerritoryRouting}
     * (territory owner or deal owner, overlays on top). Without a policy ({@link TerritoryCrediting#NONE})
     * this is exactly the index without territories: one null check, nothing more per deal.
     */
    public static CreditIndex build(
            List<Transaction> transactions, Set<PersonId> knownPeople, TerritoryCrediting territories) {
        if (territories.active()) {
            return TerritoryRouting.index(transactions, knownPeople, territories);
        }
        Map<PersonId, List<SourceCredit>> byPerson = new HashMap<>();
        Map<TransactionId, Transaction> byId = new HashMap<>(Math.max(16, transactions.size() * 4 / 3 + 1));
        List<Transaction> valid = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        for (Transaction t : transactions) {
            // One hash look-up per transaction: taken here, given back below if the transaction is invalid.
            if (byId.putIfAbsent(t.id(), t) != null) {
                exclusions.add(new Exclusion(t.id(), "transaction id appears more than once; the first is used"));
                continue;
            }
            Optional<String> problem = problem(t, knownPeople);
            if (problem.isPresent()) {
                byId.remove(t.id());
                exclusions.add(new Exclusion(t.id(), problem.get()));
                continue;
            }
            valid.add(t);
        }
        // One sort of all valid transactions; filling the per-person lists in that order keeps each of
        // them in credit order without sorting them again. (date, id) is unique, so the order is total.
        valid.sort(CREDIT_ORDER);
        for (Transaction t : valid) {
            if (t.splits().isEmpty()) {
                byPerson.computeIfAbsent(t.owner(), k -> new ArrayList<>())
                        .add(new SourceCredit(t, t.owner(), BigDecimal.ONE, false));
            } else {
                for (Split s : t.splits()) {
                    byPerson.computeIfAbsent(s.person(), k -> new ArrayList<>())
                            .add(new SourceCredit(t, s.person(), s.share(), s.overlay()));
                }
            }
        }
        byPerson.replaceAll((k, v) -> Collections.unmodifiableList(v));
        exclusions.sort(Comparator.comparing(Exclusion::transaction));
        // Wrapped, not copied: a chunk holds up to a million entries and nothing else keeps a reference.
        return new CreditIndex(
                Collections.unmodifiableMap(byPerson),
                Collections.unmodifiableMap(byId),
                Collections.unmodifiableList(valid),
                List.copyOf(exclusions),
                List.of());
    }

    /** An index whose credits were routed elsewhere (see {@link TerritoryRouting}). */
    static CreditIndex of(
            Map<PersonId, List<SourceCredit>> byPerson,
            Map<TransactionId, Transaction> byId,
            List<Transaction> valid,
            List<Exclusion> exclusions,
            List<String> issues) {
        byPerson.replaceAll((k, v) -> Collections.unmodifiableList(v));
        exclusions.sort(Comparator.comparing(Exclusion::transaction));
        return new CreditIndex(
                Collections.unmodifiableMap(byPerson),
                Collections.unmodifiableMap(byId),
                Collections.unmodifiableList(valid),
                List.copyOf(exclusions),
                List.copyOf(issues));
    }

    static Optional<String> problem(Transaction t, Set<PersonId> knownPeople) {
        if (t.splits().isEmpty()) {
            if (t.owner() == null) {
                return Optional.of("no owner and no splits: nobody to credit");
            }
            if (!knownPeople.contains(t.owner())) {
                return Optional.of("unknown payee '" + t.owner() + "'");
            }
        } else {
            BigDecimal sum = BigDecimal.ZERO;
            for (Split s : t.splits()) {
                if (!knownPeople.contains(s.person())) {
                    return Optional.of("unknown payee '" + s.person() + "' in splits");
                }
                if (!s.overlay()) {
                    sum = sum.add(s.share());
                }
            }
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                return Optional.of("split shares add up to " + twoDecimals(sum) + ", not 1.00");
            }
        }
        return Optional.empty();
    }

    private static String twoDecimals(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2
                ? value.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                : stripped.toPlainString();
    }

    public List<SourceCredit> creditsOf(PersonId person) {
        return byPerson.getOrDefault(person, List.of());
    }

    public List<Transaction> transactions() {
        return valid;
    }

    public Optional<Transaction> transaction(TransactionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Exclusion> exclusions() {
        return exclusions;
    }

    /** What the run should tell about crediting as a whole (territory conflicts, vacancies); empty without territories. */
    public List<String> issues() {
        return issues;
    }
}
