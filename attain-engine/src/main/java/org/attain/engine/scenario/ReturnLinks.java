package org.attain.engine.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.engine.credit.CreditIndex;
import org.attain.engine.model.ReturnOf;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.YamlNode;

/**
 * A scenario's returns and reversals ({@code kind: return, refers_to: D2}): each linked to a deal of the
 * scenario, none returning more than is left of its deal. Every mistake is named with the line and field.
 */
final class ReturnLinks {

    private final Problems problems;

    private record Link(Transaction ret, YamlNode node) {}

    private final List<Link> linked = new ArrayList<>();

    ReturnLinks(Problems problems) {
        this.problems = problems;
    }

    /** The transaction with its link to the deal it returns, if {@code kind} and {@code refers_to} say so. */
    Transaction read(YamlNode n, Transaction t, String kind, String refersTo) {
        String k = kind == null ? null : kind.trim().toLowerCase(Locale.ROOT);
        if (k != null && !ReturnOf.KINDS.contains(k)) {
            problems.add(n.keyLocation("kind"), "'kind' must be deal, return or reversal, not '" + kind + "'");
            return t;
        }
        boolean isReturn = "return".equals(k) || "reversal".equals(k);
        if (refersTo == null) {
            if (isReturn) {
                problems.add(n, "a " + k + " needs 'refers_to' (the id of the deal it takes back)");
            }
            return t;
        }
        if ("deal".equals(k)) {
            problems.add(n.keyLocation("refers_to"), "'refers_to' is for returns and reversals; add kind: return");
            return t;
        }
        Transaction returned = t.withReturnOf(new ReturnOf(k, TransactionId.of(refersTo)));
        linked.add(new Link(returned, n));
        return returned;
    }

    /** Every return names a deal of the scenario, and no deal is returned beyond its amount. */
    void check(List<Transaction> all) {
        Map<TransactionId, Transaction> byId = new HashMap<>();
        all.forEach(t -> byId.putIfAbsent(t.id(), t));
        List<Link> inOrder = new ArrayList<>(linked);
        inOrder.sort((a, b) -> CreditIndex.CREDIT_ORDER.compare(a.ret(), b.ret()));
        Map<TransactionId, BigDecimal> returnedSoFar = new HashMap<>();
        for (Link link : inOrder) {
            Transaction r = link.ret();
            YamlNode n = link.node();
            TransactionId ref = r.returnOf().refersTo();
            Transaction original = byId.get(ref);
            if (original == null) {
                problems.add(n.keyLocation("refers_to"), "refers_to names unknown transaction '" + ref + "'");
                continue;
            }
            if (original.returnOf() != null || ref.equals(r.id())) {
                problems.add(
                        n.keyLocation("refers_to"),
                        "refers_to names '" + ref + "', which is a return itself; name the original deal");
                continue;
            }
            BigDecimal whole = original.amount().amount().abs();
            BigDecimal before = returnedSoFar.getOrDefault(ref, BigDecimal.ZERO);
            BigDecimal returned = r.amount().amount().abs();
            if (returned.compareTo(whole.subtract(before)) > 0) {
                problems.add(
                        n.keyLocation("amount"),
                        r.returnOf().kind() + " " + r.id() + " returns " + returned.toPlainString() + " of " + ref
                                + ", but only " + whole.subtract(before).toPlainString() + " of its "
                                + whole.toPlainString() + " is left"
                                + (before.signum() > 0 ? " (already returned " + before.toPlainString() + ")" : ""));
                continue;
            }
            returnedSoFar.put(ref, before.add(returned));
        }
    }
}
