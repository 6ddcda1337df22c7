package org.attain.planning.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.planning.AllocationMethod;
import org.attain.planning.PlanState;
import org.attain.planning.QuotaPlan;
import org.attain.planning.QuotaPlans;
import org.attain.platform.LocaleNumbers;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.json.JsonMapper;

/** What the plan page shows: amounts in the page's language, the waterfall's data, which buttons apply. */
@Component
class QuotaPlanView {

    /** The methods a planner may choose. */
    static final List<AllocationMethod> METHODS = List.of(
            AllocationMethod.EVEN,
            AllocationMethod.HISTORY,
            AllocationMethod.POTENTIAL,
            AllocationMethod.PIPELINE,
            AllocationMethod.BLEND);

    private final JsonMapper json;

    QuotaPlanView(JsonMapper json) {
        this.json = json;
    }

    static boolean planner(AttainUser user) {
        return QuotaPlans.planner(user);
    }

    void fill(Model model, QuotaPlans.Detail detail, Long node, Locale locale) {
        model.addAttribute("plan", detail.plan());
        model.addAttribute("lines", detail.lines());
        model.addAttribute("planner", detail.planner());
        model.addAttribute("methods", METHODS);
        PlanState state = detail.plan().state();
        model.addAttribute("draft", state == PlanState.DRAFT);
        model.addAttribute("open", state == PlanState.DRAFT || state == PlanState.IN_REVIEW);
        model.addAttribute("nextStates", next(state));
        Map<String, String> amounts = new HashMap<>();
        for (QuotaPlans.Line l : detail.lines()) {
            long id = l.node().personId();
            amounts.put("td" + id, format(l.topDown(), locale));
            amounts.put("sub" + id, format(l.submitted(), locale));
            amounts.put("subInput" + id, LocaleNumbers.format(l.submitted(), locale));
            amounts.put("bu" + id, format(l.bottomUp(), locale));
            amounts.put("gap" + id, l.gap() == null ? "" : (l.gap().signum() > 0 ? "+" : "") + format(l.gap(), locale));
        }
        model.addAttribute("amounts", amounts);
        QuotaPlan p = detail.plan();
        Map<String, String> history = new LinkedHashMap<>();
        history.put(PlanState.DRAFT.name(), who(p.createdBy(), p.createdAt()));
        if (p.reviewedBy() != null) {
            history.put(PlanState.IN_REVIEW.name(), who(p.reviewedBy(), p.reviewedAt()));
        }
        if (p.approvedBy() != null) {
            history.put(PlanState.APPROVED.name(), who(p.approvedBy(), p.approvedAt()));
        }
        if (p.publishedBy() != null) {
            history.put(PlanState.PUBLISHED.name(), who(p.publishedBy(), p.publishedAt()));
        }
        model.addAttribute("history", history);
        if (detail.plan().target() != null) {
            model.addAttribute("targetText", LocaleNumbers.format(detail.plan().target(), locale));
            model.addAttribute("targetShown", format(detail.plan().target(), locale));
        }
        model.addAttribute(
                "blendEvenText", LocaleNumbers.format(detail.plan().blendEven().stripTrailingZeros(), locale));
        model.addAttribute(
                "blendHistoryText",
                LocaleNumbers.format(detail.plan().blendHistory().stripTrailingZeros(), locale));
        model.addAttribute(
                "blendPipelineText",
                LocaleNumbers.format(detail.plan().blendPipeline().stripTrailingZeros(), locale));
        model.addAttribute(
                "upliftText", LocaleNumbers.format(detail.plan().upliftPercent().stripTrailingZeros(), locale));
        QuotaPlans.Line parent = detail.lines().stream()
                .filter(l -> node != null && l.node().personId() == node && !l.leaf())
                .findFirst()
                .orElse(detail.lines().stream()
                        .filter(l -> !l.leaf())
                        .findFirst()
                        .orElse(null));
        if (parent != null) {
            model.addAttribute("waterfallNode", parent);
            model.addAttribute("waterfallJson", json.writeValueAsString(waterfall(parent, detail.lines())));
            // Issue 21.4: the waterfall's numbers as a table view: the parent's number, then each report's share.
            List<String> waterfallNames = new ArrayList<>(List.of(parent.node().name()));
            List<BigDecimal> waterfallAmounts = new ArrayList<>(java.util.Collections.singletonList(parent.topDown()));
            detail.lines().stream()
                    .filter(l -> Long.valueOf(parent.node().personId())
                            .equals(l.node().parentId()))
                    .forEach(l -> {
                        waterfallNames.add(l.node().name());
                        waterfallAmounts.add(l.topDown());
                    });
            model.addAttribute("waterfallNames", waterfallNames);
            model.addAttribute("waterfallValues", List.of(waterfallAmounts));
        }
    }

    private static List<PlanState> next(PlanState state) {
        return switch (state) {
            case DRAFT -> List.of(PlanState.IN_REVIEW);
            case IN_REVIEW -> List.of(PlanState.APPROVED, PlanState.DRAFT);
            case APPROVED -> List.of(PlanState.PUBLISHED, PlanState.DRAFT);
            case PUBLISHED -> List.of();
        };
    }

    // Parent → each report → the sum, as plain numbers: the chart stacks each report on what came before it.
    private static Map<String, Object> waterfall(QuotaPlans.Line parent, List<QuotaPlans.Line> lines) {
        List<Map<String, String>> children = new ArrayList<>();
        lines.stream()
                .filter(l ->
                        Long.valueOf(parent.node().personId()).equals(l.node().parentId()))
                .forEach(l -> children.add(Map.of("name", l.node().name(), "amount", plain(l.topDown()))));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parent", parent.node().name());
        out.put("amount", plain(parent.topDown()));
        out.put("children", children);
        return out;
    }

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static String who(String user, Instant at) {
        return user + " · " + (at == null ? "" : WHEN.format(at));
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "0" : amount.toPlainString();
    }

    /** An amount to read: grouped, always with cents, in the page's language (inputs use {@link LocaleNumbers}). */
    private static String format(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        DecimalFormat cents = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale));
        return cents.format(amount.setScale(2, RoundingMode.HALF_EVEN));
    }
}
