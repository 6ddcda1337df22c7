package org.attain.payout.web;

import org.attain.access.AttainUser;
import org.attain.calendar.Periods;
import org.attain.payout.PayrollExport;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The payroll page: what is approved for a period, the two exports to make (a form post, since making
 * one marks the payouts exported) and the exports made so far, each downloadable again.
 */
@Controller
class PayrollPage {

    private final PayrollExport payroll;
    private final Periods periods;

    PayrollPage(PayrollExport payroll, Periods periods) {
        this.payroll = payroll;
        this.periods = periods;
    }

    @GetMapping("/payroll")
    String page(@AuthenticationPrincipal AttainUser user, @RequestParam(required = false) String period, Model model) {
        String p = ApprovalsApi.periodOrCurrent(periods, period);
        model.addAttribute("items", payroll.payouts(user, p));
        model.addAttribute("exports", payroll.exports(user, p));
        model.addAttribute("period", p);
        model.addAttribute("quarters", ApprovalPages.recentQuarters(periods));
        return "payout/payroll";
    }

    @PostMapping("/payroll/{period}/export")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String period,
            @RequestParam(required = false) String layout) {
        return PayrollApi.download(ResponseEntity.ok(), payroll.export(user, period, PayrollApi.layout(layout)));
    }

    @GetMapping("/payroll/{period}/exports/{id}")
    ResponseEntity<byte[]> stored(
            @AuthenticationPrincipal AttainUser user, @PathVariable String period, @PathVariable long id) {
        return PayrollApi.download(ResponseEntity.ok(), payroll.stored(user, period, id));
    }
}
