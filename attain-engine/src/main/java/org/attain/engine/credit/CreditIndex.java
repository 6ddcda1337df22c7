package org.attain.engine.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.FxRates;

/**
 * Validates every transaction once per run and indexes the valid ones by the person they credit.
 * Invalid ones (splits not adding to 1.00, unknown payee, no FX rate) become {@link Exclusion}s so the
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

    private CreditIndex(Map<PersonId, List<SourceCredit>> byPerson, Map<TransactionId, Transaction> byId,
            List<Transaction> valid, List<Exclusion> exclusions) {
        this.byPerson = byPerson;
        this.byId = byId;
        this.valid = valid;
        this.exclusions = exclusions;
    }

    public static CreditIndex build(List<Transaction> transactions, Set<PersonId> knownPeople, FxRates fx,
            Set<CurrencyUnit> planCurrencies) {
        Map<PersonId, List<SourceCredit>> byPerson = new HashMap<>();
        Map<TransactionId, Transaction> byId = new HashMap<>(Math.max(16, transactions.size() * 4 / 3 + 1));
        List<Transaction> valid = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        // Per source currency, the first day every plan currency has a rate from it: one date comparison
        // per transaction instead of a rate look-up per plan currency.
        Map<CurrencyUnit, LocalDate> convertibleFrom = new HashMap<>();
        for (Transaction t : transactions) {
            // One hash look-up per transaction: taken here, given back below if the transaction is invalid.
            if (byId.putIfAbsent(t.id(), t) != null) {
                exclusions.add(new Exclusion(t.id(), "transaction id appears more than once; the first is used"));
                continue;
            }
            // Looked up before computing: computeIfAbsent's lambda captures and was allocated per transaction.
            LocalDate convertible = convertibleFrom.get(t.amount().currency());
            if (convertible == null) {
                convertible = convertibleFrom(t.amount().currency(), planCurrencies, fx);
                convertibleFrom.put(t.amount().currency(), convertible);
            }
            Optional<String> problem = problem(t, knownPeople, fx,
                    t.closeDate().isBefore(convertible) ? planCurrencies : Set.of());
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
        return new CreditIndex(Collections.unmodifiableMap(byPerson), Collections.unmodifiableMap(byId),
                Collections.unmodifiableList(valid), List.copyOf(exclusions));
    }

    private static LocalDate convertibleFrom(CurrencyUnit source, Set<CurrencyUnit> planCurrencies, FxRates fx) {
        LocalDate latest = LocalDate.MIN;
        for (CurrencyUnit target : planCurrencies) {
            LocalDate from = fx.knownFrom(source, target);
            if (from == null) {
                return LocalDate.MAX;
            }
            latest = from.isAfter(latest) ? from : latest;
        }
        return latest;
    }

    private static Optional<String> problem(Transaction t, Set<PersonId> knownPeople, FxRates fx,
            Set<CurrencyUnit> planCurrencies) {
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
        for (CurrencyUnit target : planCurrencies) {
            if (fx.factor(t.amount().currency(), target, t.closeDate()).isEmpty()) {
                return Optional.of("no FX rate " + t.amount().currency() + "->" + target + " on " + t.closeDate());
            }
        }
        return Optional.empty();
    }

    private static String twoDecimals(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? value.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : stripped.toPlainString();
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
}
