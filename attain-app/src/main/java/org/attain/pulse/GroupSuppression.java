package org.attain.pulse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which groups of a survey may show their results: "complementary suppression over a hierarchy". Pure.
 *
 * <p>Why more than a minimum size: results are shown for groups nested in a hierarchy (company → region → team),
 * and a parent's answers are its children's answers plus those of its direct members (the "rest", people in the
 * parent but in none of its child groups). Every parent therefore gives one equation
 * {@code parent = child₁ + … + childₖ + rest}, and anyone who sees all but one term of an equation can work out
 * the last one by subtraction (or addition): hiding a team of 4 is worthless if its department and its only
 * sibling are shown. The minimum size alone is "primary" suppression; this class adds the "complementary" one.
 *
 * <p>The algorithm:
 * <ol>
 *   <li><b>Primary</b>: hide every group with fewer answers than the minimum ("too few answers").
 *   <li><b>Derive</b>: start from the shown groups as known; repeatedly take any equation with exactly one unknown
 *       term and mark that term derived, until nothing changes (in a tree each group sits in at most two equations,
 *       its own and its parent's, so this peeling finds everything linear algebra would; the property test checks it
 *       against a rank computation).
 *   <li><b>Check</b>: a violation is a hidden group that was derived, a rest of fewer than the minimum that was
 *       derived, or an equation whose parent is known and whose unknown terms together hold fewer than the minimum
 *       answers (they would be revealed as a block: four answers of two hidden teams are still four people).
 *   <li><b>Block</b>: for the first violation (groups in input order), hide one more term of the equation that gave
 *       it away — the shown child with the fewest answers (ties: input order), else the parent if it is shown, else,
 *       when every other term is itself derived, block one of those derivations the same way — with the reason
 *       "would reveal X".
 *   <li><b>Repeat</b> from step 2 until there is no violation. The hidden set only grows, so this stops.
 * </ol>
 * The root (or any group) with fewer answers than the minimum is hidden by step 1; the survey's response rate
 * is counted from every answer, hidden or not, by the caller.
 */
public final class GroupSuppression {

    private GroupSuppression() {}

    /** Groups never go below this minimum, whatever a survey asks for. */
    public static final int FLOOR = 3;

    public static final int DEFAULT_MINIMUM = 5;

    /** A group, its parent (null for a root) and how many answers it holds, its sub-groups' included. */
    public record Group<K>(K id, K parent, int answers) {}

    public enum Reason {
        TOO_FEW,
        WOULD_REVEAL
    }

    /** Shown, or hidden with a reason; {@code reveals} names the group (or the rest of a group) it protects. */
    public record Decision<K>(boolean shown, Reason reason, K reveals, boolean revealsRest) {

        static <K> Decision<K> show() {
            return new Decision<>(true, null, null, false);
        }
    }

    /** The terms of the equations: a group, or the rest (direct members) of a group. */
    private record Term<K>(K id, boolean rest) {}

    private record Equation<K>(K parent, List<Term<K>> terms) {}

    public static <K> Map<K, Decision<K>> decide(List<Group<K>> groups, int minimum) {
        if (minimum < FLOOR) {
            throw new IllegalArgumentException("the minimum group size is at least " + FLOOR + ", got " + minimum);
        }
        Map<K, Group<K>> byId = new LinkedHashMap<>();
        groups.forEach(g -> byId.put(g.id(), g));
        Map<K, List<K>> children = new LinkedHashMap<>();
        for (Group<K> g : groups) {
            if (g.parent() != null) {
                if (!byId.containsKey(g.parent())) {
                    throw new IllegalArgumentException("group " + g.id() + " names an unknown parent " + g.parent());
                }
                children.computeIfAbsent(g.parent(), k -> new ArrayList<>()).add(g.id());
            }
        }
        Map<Term<K>, Integer> size = new HashMap<>();
        List<Equation<K>> equations = new ArrayList<>();
        for (Group<K> g : groups) {
            size.put(new Term<>(g.id(), false), g.answers());
            List<K> kids = children.get(g.id());
            if (kids == null) {
                continue;
            }
            List<Term<K>> terms = new ArrayList<>();
            int inChildren = 0;
            for (K kid : kids) {
                terms.add(new Term<>(kid, false));
                inChildren += byId.get(kid).answers();
            }
            int rest = g.answers() - inChildren;
            if (rest < 0) {
                throw new IllegalArgumentException("group " + g.id() + " has fewer answers than its sub-groups");
            }
            if (rest > 0) {
                Term<K> restTerm = new Term<>(g.id(), true);
                terms.add(restTerm);
                size.put(restTerm, rest);
            }
            equations.add(new Equation<>(g.id(), terms));
        }

        Map<K, Decision<K>> hidden = new LinkedHashMap<>();
        for (Group<K> g : groups) {
            if (g.answers() < minimum) {
                hidden.put(g.id(), new Decision<>(false, Reason.TOO_FEW, null, false));
            }
        }
        while (true) {
            Map<Term<K>, Equation<K>> derivedBy = derive(equations, byId.keySet(), hidden.keySet());
            Violation<K> violation = firstViolation(groups, equations, hidden.keySet(), derivedBy, size, minimum);
            if (violation == null) {
                break;
            }
            K toHide = blocker(
                    violation.equation(), violation.unknown(), hidden.keySet(), derivedBy, byId, new HashSet<>());
            if (toHide == null) {
                break; // nothing left to hide in reach: cannot happen for a tree with a consistent count
            }
            hidden.put(
                    toHide,
                    new Decision<>(
                            false,
                            Reason.WOULD_REVEAL,
                            violation.term().id(),
                            violation.term().rest()));
        }
        Map<K, Decision<K>> result = new LinkedHashMap<>();
        for (Group<K> g : groups) {
            result.put(g.id(), hidden.getOrDefault(g.id(), Decision.show()));
        }
        return result;
    }

    /** What is given away ({@code term}), by which equation, and the terms of it that are not known. */
    private record Violation<K>(Term<K> term, Equation<K> equation, Set<Term<K>> unknown) {}

    /** Peeling: an equation with one unknown term gives that term away; repeat until stable. */
    private static <K> Map<Term<K>, Equation<K>> derive(List<Equation<K>> equations, Set<K> all, Set<K> hidden) {
        Set<Term<K>> known = new HashSet<>();
        for (K id : all) {
            if (!hidden.contains(id)) {
                known.add(new Term<>(id, false));
            }
        }
        Map<Term<K>, Equation<K>> derivedBy = new LinkedHashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Equation<K> eq : equations) {
                List<Term<K>> unknown = unknownTerms(eq, known);
                if (unknown.size() == 1) {
                    known.add(unknown.get(0));
                    derivedBy.put(unknown.get(0), eq);
                    changed = true;
                }
            }
        }
        return derivedBy;
    }

    private static <K> List<Term<K>> unknownTerms(Equation<K> eq, Set<Term<K>> known) {
        List<Term<K>> unknown = new ArrayList<>();
        Term<K> parent = new Term<>(eq.parent(), false);
        if (!known.contains(parent)) {
            unknown.add(parent);
        }
        for (Term<K> t : eq.terms()) {
            if (!known.contains(t)) {
                unknown.add(t);
            }
        }
        return unknown;
    }

    private static <K> Violation<K> firstViolation(
            List<Group<K>> groups,
            List<Equation<K>> equations,
            Set<K> hidden,
            Map<Term<K>, Equation<K>> derivedBy,
            Map<Term<K>, Integer> size,
            int minimum) {
        for (Group<K> g : groups) {
            Term<K> group = new Term<>(g.id(), false);
            if (hidden.contains(g.id()) && derivedBy.containsKey(group)) {
                return new Violation<>(group, derivedBy.get(group), Set.of(group));
            }
            Term<K> rest = new Term<>(g.id(), true);
            if (size.containsKey(rest) && size.get(rest) < minimum && derivedBy.containsKey(rest)) {
                return new Violation<>(rest, derivedBy.get(rest), Set.of(rest));
            }
        }
        Set<Term<K>> known = new HashSet<>(derivedBy.keySet());
        for (Group<K> g : groups) {
            if (!hidden.contains(g.id())) {
                known.add(new Term<>(g.id(), false));
            }
        }
        for (Equation<K> eq : equations) {
            if (!known.contains(new Term<>(eq.parent(), false))) {
                continue;
            }
            List<Term<K>> unknown = unknownTerms(eq, known);
            int together = unknown.stream().mapToInt(size::get).sum();
            if (unknown.size() >= 2 && together > 0 && together < minimum) {
                return new Violation<>(unknown.get(0), eq, new HashSet<>(unknown));
            }
        }
        return null;
    }

    /**
     * The group to hide so that the equation no longer gives the excluded terms away: its shown child with the
     * fewest answers, else its parent if shown, else (every other term is itself derived) block the derivation of
     * one of those terms in turn.
     */
    private static <K> K blocker(
            Equation<K> eq,
            Set<Term<K>> excluded,
            Set<K> hidden,
            Map<Term<K>, Equation<K>> derivedBy,
            Map<K, Group<K>> byId,
            Set<Equation<K>> visited) {
        visited.add(eq);
        K smallest = eq.terms().stream()
                .filter(t -> !t.rest() && !hidden.contains(t.id()) && !excluded.contains(t))
                .map(Term::id)
                .min(Comparator.comparingInt(id -> byId.get(id).answers()))
                .orElse(null);
        if (smallest != null) {
            return smallest;
        }
        Term<K> parent = new Term<>(eq.parent(), false);
        if (!hidden.contains(eq.parent()) && !excluded.contains(parent)) {
            return eq.parent();
        }
        List<Term<K>> others = new ArrayList<>();
        others.add(parent);
        others.addAll(eq.terms());
        for (Term<K> other : others) {
            Equation<K> source = derivedBy.get(other);
            if (excluded.contains(other) || source == null || visited.contains(source)) {
                continue;
            }
            K found = blocker(source, Set.of(other), hidden, derivedBy, byId, visited);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
