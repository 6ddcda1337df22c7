package org.attain.pay.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.attain.access.AttainUser;
import org.attain.calc.WhatIfs;
import org.attain.org.Visibility;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.LocaleNumbers;
import org.attain.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The what-if estimator on the page (an htmx fragment): the payee's earnings with a hypothetical
 * deal, and which lines change. Nothing is stored. {@link WhatIfApi} is the same over REST.
 *
 * <p>The page sends what was typed, as text, and it is read here in the page's language, so
 * "50.000" on a German page is fifty thousand. The whole card comes back: the form with what was
 * typed and a message beside each field in error, and an estimate only when every field was read,
 * so a refused input never leaves an earlier estimate on screen.
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

    record Request(BigDecimal amount, LocalDate closeDate, String type, Integer termMonths) {}

    /** The fields as typed, to show them again beside their messages. */
    record Form(String amount, String closeDate, String type, String termMonths) {}

    @PostMapping("/people/{id}/what-if")
    String page(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String closeDate,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String termMonths,
            Locale locale,
            Model model) {
        requireVisible(user, id);
        Form form = new Form(amount, closeDate, type, termMonths);
        model.addAttribute("personId", id);
        model.addAttribute("whatIfForm", form);
        Map<String, String> problems = new LinkedHashMap<>();
        Request request = read(form, locale, problems);
        WhatIfs.Deal deal = null;
        try {
            deal = validated(request, clock);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.putIfAbsent(p.field(), p.code()));
        }
        if (problems.isEmpty()) {
            var outcome = whatIfs.evaluate(id, deal);
            if (outcome.isPresent()) {
                model.addAttribute("whatIfOutcome", outcome.get());
                model.addAttribute("whatIfDeal", deal);
            } else {
                problems.put("closeDate", "whatif.noPlan");
            }
        }
        model.addAttribute("whatIfProblems", problems);
        return "pay/whatif :: form";
    }

    /**
     * The request the typed text makes. A field that cannot be read gets its problem here and is
     * passed on as absent; {@link #validated} then checks the rules, and a field keeps the first
     * problem found (an unreadable amount is not also called missing).
     */
    static Request read(Form form, Locale locale, Map<String, String> problems) {
        BigDecimal amount = null;
        try {
            amount = LocaleNumbers.amount("amount", form.amount(), locale);
        } catch (InvalidInputException e) {
            problems.put("amount", e.problems().get(0).code());
        }
        LocalDate closeDate = null;
        if (form.closeDate() != null && !form.closeDate().isBlank()) {
            try {
                closeDate = LocalDate.parse(form.closeDate().strip());
            } catch (DateTimeParseException e) {
                problems.put("closeDate", "whatif.closeDate.unreadable");
            }
        }
        Integer termMonths = null;
        if (form.termMonths() != null && !form.termMonths().isBlank()) {
            try {
                termMonths = Integer.valueOf(form.termMonths().strip());
            } catch (NumberFormatException e) {
                problems.put("termMonths", "whatif.termMonths.range");
            }
        }
        return new Request(amount, closeDate, form.type(), termMonths);
    }

    static WhatIfs.Deal validated(Request r, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.amount() == null) {
            problems.add(new FieldProblem("amount", "whatif.amount.missing", "is required"));
        } else if (r.amount().signum() <= 0) {
            problems.add(new FieldProblem("amount", "whatif.amount.notPositive", "must be more than zero"));
        } else if (r.amount().compareTo(ABSURD) >= 0) {
            problems.add(
                    new FieldProblem("amount", "whatif.amount.absurd", "is implausibly large (1,000,000,000 or more)"));
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
