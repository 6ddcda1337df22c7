package org.attain.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-down against bottom-up per node. A node's bottom-up number is its manager's submission raised by the
 * plan's uplift (rounded to cents, HALF_EVEN); without a submission, the sum of its reports' bottom-up numbers
 * when every report has one; otherwise unknown (null). The gap is bottom-up minus top-down: positive when the
 * managers commit to more than they were given. Pure.
 */
final class Reconciliation {

    private Reconciliation() {}

    /** One node's two numbers and the gap; {@code bottomUp} and {@code gap} are null while unknown. */
    record Line(long personId, BigDecimal topDown, BigDecimal bottomUp, BigDecimal gap, boolean submitted) {}

    static BigDecimal uplifted(BigDecimal submitted, BigDecimal upliftPercent) {
        BigDecimal factor = BigDecimal.ONE.add(upliftPercent.movePointLeft(2));
        return submitted.multiply(factor).setScale(Allocation.CENTS, RoundingMode.HALF_EVEN);
    }

    /** Lines in the order of {@code nodes} (parents before their reports). */
    static List<Line> of(
            List<TopDown.Node> nodes,
            Map<Long, BigDecimal> topDown,
            Map<Long, BigDecimal> submissions,
            BigDecimal upliftPercent) {
        Map<Long, List<Long>> children = new HashMap<>();
        nodes.forEach(n -> {
            if (n.parentId() != null) {
                children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n.id());
            }
        });
        Map<Long, BigDecimal> bottomUp = new HashMap<>();
        // Reports before their managers: walk the list backwards (it holds parents before children).
        for (int i = nodes.size() - 1; i >= 0; i--) {
            long id = nodes.get(i).id();
            BigDecimal own = submissions.get(id);
            if (own != null) {
                bottomUp.put(id, uplifted(own, upliftPercent));
                continue;
            }
            List<Long> reports = children.getOrDefault(id, List.of());
            if (!reports.isEmpty() && reports.stream().allMatch(bottomUp::containsKey)) {
                bottomUp.put(id, reports.stream().map(bottomUp::get).reduce(BigDecimal.ZERO, BigDecimal::add));
            }
        }
        Map<Long, Line> lines = new LinkedHashMap<>();
        for (TopDown.Node n : nodes) {
            BigDecimal td = topDown.get(n.id());
            BigDecimal bu = bottomUp.get(n.id());
            lines.put(
                    n.id(),
                    new Line(
                            n.id(),
                            td,
                            bu,
                            bu == null || td == null ? null : bu.subtract(td),
                            submissions.containsKey(n.id())));
        }
        return List.copyOf(lines.values());
    }
}
