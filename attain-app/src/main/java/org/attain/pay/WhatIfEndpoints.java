package org.attain.pay;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.attain.access.AttainUser;
import org.attain.access.Visibility;
import org.attain.calc.WhatIfs;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The what-if estimator on the page (an htmx fragment): the payee's earnings with a hypothetical
 * deal, and which lines change. Nothing is stored. {@link WhatIfApi} is the same over REST.
 */
@Controller
class WhatIfEndpoints {

    // Larger than any real deal: beyond this a typo is far likelier than a deal.
    private static final BigDecimal ABSURD = new BigDecimal("1000000000");
    private static final Set<String> TYPES = Set.of("", "new_logo", "expansion", "renewal");

    private final WhatIfs whatIfs;
    private final Visibility visibility;
    private final Clock clock;

    WhatIfEndpoints(WhatIfs whatIfs, Visibility visibility, Clock clock) {
        this.whatIfs = whatIfs;
        this.visibility = visibility;
        this.clock = clock;
    }

    record Request(BigDecimal amount, LocalDate closeDate, String type, Integer termMonths) {
    }

    @PostMapping("/people/{id}/what-if")
    String page(@AuthenticationPrincipal AttainUser user, @PathVariable long id,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closeDate,
            @RequestParam(required = false) String type, @RequestParam(required = false) Integer termMonths, Model model) {
        requireVisible(user, id);
        try {
            WhatIfs.Deal deal = validated(new Request(amount, closeDate, type, termMonths), clock);
            var outcome = whatIfs.evaluate(id, deal);
            if (outcome.isEmpty()) {
                model.addAttribute("problems", List.of(new FieldProblem("closeDate", "whatif.noPlan", "")));
            } else {
                model.addAttribute("outcome", outcome.get());
            }
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
        }
        return "pay/whatif :: result";
    }

    static WhatIfs.Deal validated(Request r, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.amount() == null) {
            problems.add(new FieldProblem("amount", "whatif.amount.missing", "is required"));
        } else if (r.amount().signum() <= 0) {
            problems.add(new FieldProblem("amount", "whatif.amount.notPositive", "must be more than zero"));
        } else if (r.amount().compareTo(ABSURD) >= 0) {
            problems.add(new FieldProblem("amount", "whatif.amount.absurd", "is implausibly large (1,000,000,000 or more)"));
        } else if (r.amount().scale() > 4) {
            problems.add(new FieldProblem("amount", "whatif.amount.precision", "has more than 4 decimals"));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate closeDate = r.closeDate() == null ? today : r.closeDate();
        if (closeDate.isBefore(today.minusYears(1)) || closeDate.isAfter(today.plusYears(1))) {
            problems.add(new FieldProblem("closeDate", "whatif.closeDate.range", "must be within a year of today"));
        }
        String type = r.type() == null ? "" : r.type().trim();
        if (!TYPES.contains(type)) {
            problems.add(new FieldProblem("type", "whatif.type.unknown", "must be new_logo, expansion or renewal"));
        }
        if (r.termMonths() != null && (r.termMonths() < 1 || r.termMonths() > 120)) {
            problems.add(new FieldProblem("termMonths", "whatif.termMonths.range", "must be 1 to 120 months"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new WhatIfs.Deal(r.amount(), closeDate, type, r.termMonths());
    }

    private void requireVisible(AttainUser user, long id) {
        if (!visibility.canSee(user, id)) {
            throw new NotFoundException("person", id);
        }
    }
}
