package org.attain.access.web;

import org.attain.access.FirstAdmin;
import org.attain.access.PasswordPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** First-run page that turns the printed setup token into the first admin account. */
@Controller
class SetupPage {

    private final FirstAdmin firstAdmin;

    SetupPage(FirstAdmin firstAdmin) {
        this.firstAdmin = firstAdmin;
    }

    @GetMapping("/setup")
    String form(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        return "setup";
    }

    @PostMapping("/setup")
    String create(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String password,
            Model model) {
        model.addAttribute("token", token);
        if (username == null || username.isBlank()) {
            model.addAttribute("problem", "setup.usernameRequired");
            return "setup";
        }
        var weak = PasswordPolicy.problem(username, password);
        if (weak.isPresent()) {
            model.addAttribute("problem", weak.get());
            return "setup";
        }
        if (!firstAdmin.redeem(token, username, password)) {
            model.addAttribute("problem", "setup.tokenInvalid");
            return "setup";
        }
        return "redirect:/login?setup";
    }
}
