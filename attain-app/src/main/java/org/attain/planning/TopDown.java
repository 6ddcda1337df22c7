package org.attain.planning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's target allocated down its tree: the root carries the target, every node's amount is split among
 * its direct reports by the node's method ({@link Allocation}), so each node's reports add up exactly to the
 * node. A number set for a node (by a planner or an import) replaces its share: its siblings share what is left of
 * their parent, and it is split among its own reports. Set numbers can leave reports not adding up to their parent
 * (noted, and publishing refuses the plan). Pure: the weights arrive with the nodes.
 */
final class TopDown {

    private TopDown() {}

    /** A person of the plan's tree with the method that splits their number and the figures it weighs. */
    record Node(
            long id,
            Long parentId,
            AllocationMethod method,
            BigDecimal history,
            BigDecimal pipeline,
            BigDecimal potential) {

        Node(long id, Long parentId, AllocationMethod method, BigDecimal history, BigDecimal pipeline) {
            this(id, parentId, method, history, pipeline, BigDecimal.ZERO);
        }
    }

    /** How much each method's shares count in a blend (relative weights; they need not add up to 1). */
    record Blend(BigDecimal even, BigDecimal history, BigDecimal pipeline) {}

    /** Why a node's split is not what its method says (message keys, by the node that was split). */
    enum Note {
        NO_HISTORY_SPLIT_EVENLY,
        NO_PIPELINE_SPLIT_EVENLY,
        NO_POTENTIAL_SPLIT_EVENLY,
        BLEND_WITHOUT_WEIGHT_SPLIT_EVENLY,
        SET_NUMBERS_EXCEED_PARENT,
        SET_NUMBERS_DO_NOT_ADD_UP
    }

    /** Every node's amount, and the notes on splits that fell back to even. */
    record Result(Map<Long, BigDecimal> amounts, Map<Long, Note> notes) {}

    static Result allocate(BigDecimal target, List<Node> nodes, Blend blend) {
        return allocate(target, nodes, blend, Map.of());
    }

    /** As above, with the numbers set for some nodes by id. */
    static Result allocate(BigDecimal target, List<Node> nodes, Blend blend, Map<Long, BigDecimal> set) {
        Map<Long, List<Node>> children = new HashMap<>();
        Node root = null;
        for (Node n : nodes) {
            if (n.parentId() == null) {
                if (root != null) {
                    throw new IllegalArgumentException(
                            "a plan's tree has one root; found " + root.id() + " and " + n.id());
                }
                root = n;
            } else {
                children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
            }
        }
        Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
        Map<Long, Note> notes = new LinkedHashMap<>();
        if (root == null) {
            return new Result(amounts, notes);
        }
        amounts.put(root.id(), set.getOrDefault(root.id(), target));
        Deque<Node> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Node parent = todo.poll();
            List<Node> reports = new ArrayList<>(children.getOrDefault(parent.id(), List.of()));
            if (reports.isEmpty()) {
                continue;
            }
            reports.sort(Comparator.comparingLong(Node::id));
            BigDecimal own = amounts.get(parent.id());
            BigDecimal rest = own;
            List<Node> free = new ArrayList<>();
            for (Node r : reports) {
                if (set.containsKey(r.id())) {
                    amounts.put(r.id(), set.get(r.id()));
                    rest = rest.subtract(set.get(r.id()));
                } else {
                    free.add(r);
                }
            }
            if (rest.signum() < 0) {
                notes.put(parent.id(), Note.SET_NUMBERS_EXCEED_PARENT);
                rest = BigDecimal.ZERO;
            }
            if (!free.isEmpty()) {
                List<Allocation.Share<Long>> shares = new ArrayList<>();
                List<BigDecimal> weights = weights(parent, free, blend, notes);
                for (int i = 0; i < free.size(); i++) {
                    shares.add(new Allocation.Share<>(free.get(i).id(), weights.get(i)));
                }
                amounts.putAll(Allocation.split(rest, shares));
            }
            BigDecimal sum = reports.stream().map(r -> amounts.get(r.id())).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(own) != 0 && !notes.containsKey(parent.id())) {
                notes.put(parent.id(), Note.SET_NUMBERS_DO_NOT_ADD_UP);
            }
            todo.addAll(reports);
        }
        return new Result(amounts, notes);
    }

    private static List<BigDecimal> weights(Node parent, List<Node> reports, Blend blend, Map<Long, Note> notes) {
        List<BigDecimal> even = reports.stream().map(r -> BigDecimal.ONE).toList();
        List<BigDecimal> history =
                reports.stream().map(r -> positive(r.history())).toList();
        List<BigDecimal> pipeline =
                reports.stream().map(r -> positive(r.pipeline())).toList();
        List<BigDecimal> potential =
                reports.stream().map(r -> positive(r.potential())).toList();
        switch (parent.method()) {
            case EVEN:
                return even;
            case HISTORY:
                return orEven(history, even, parent, Note.NO_HISTORY_SPLIT_EVENLY, notes);
            case PIPELINE:
                return orEven(pipeline, even, parent, Note.NO_PIPELINE_SPLIT_EVENLY, notes);
            case POTENTIAL:
                return orEven(potential, even, parent, Note.NO_POTENTIAL_SPLIT_EVENLY, notes);
            case BLEND:
                List<BigDecimal> blended =
                        new ArrayList<>(even.stream().map(x -> BigDecimal.ZERO).toList());
                add(blended, even, blend.even());
                add(blended, history, blend.history());
                add(blended, pipeline, blend.pipeline());
                return orEven(blended, even, parent, Note.BLEND_WITHOUT_WEIGHT_SPLIT_EVENLY, notes);
            default:
                throw new IllegalArgumentException(
                        "no figures to split node " + parent.id() + " by " + parent.method());
        }
    }

    private static List<BigDecimal> orEven(
            List<BigDecimal> weights, List<BigDecimal> even, Node parent, Note note, Map<Long, Note> notes) {
        if (weights.stream().allMatch(w -> w.signum() == 0)) {
            notes.put(parent.id(), note);
            return even;
        }
        return weights;
    }

    // Each method's figures as shares of their total (so bookings in millions and an even 1 blend fairly),
    // times the method's weight; a method whose figures are all zero adds nothing.
    private static void add(List<BigDecimal> into, List<BigDecimal> figures, BigDecimal weight) {
        BigDecimal total = figures.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weight == null || weight.signum() <= 0 || total.signum() == 0) {
            return;
        }
        for (int i = 0; i < into.size(); i++) {
            into.set(i, into.get(i).add(figures.get(i).multiply(weight).divide(total, MathContext.DECIMAL128)));
        }
    }

    private static BigDecimal positive(BigDecimal v) {
        return v == null || v.signum() < 0 ? BigDecimal.ZERO : v;
    }
}
