package org.attain.calc.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

/**
 * A run's issues in the reader's language. The engine states issues in English, stored as they are (the API and the
 * CLI show them so); those it states in a fixed form are shown as a message with the same facts, in the order the
 * engine names them, anything else as it is. Each form is the engine's sentence (see the class named beside it).
 */
final class RunIssueTexts {

    /** One fixed form of an engine issue and the message that says it. */
    record Form(String key, Pattern pattern) {
        Form(String key, String regex) {
            this(key, Pattern.compile(regex));
        }
    }

    static final List<Form> FORMS = List.of(
            // RateTableEvaluator.issues
            new Form(
                    "runs.issue.rateTable",
                    "deal (.+): no rate table row for (\\[.*]) \\((\\S+) (\\S+), component (\\S+), keys (\\[.*])\\): not paid"),
            // TerritoryRouting.issues
            new Form(
                    "runs.issue.territoryConflict",
                    "(.+) claim the same (\\d+) deal\\(s\\) \\(first (.+)\\): left out; give one territory a higher precedence"),
            new Form(
                    "runs.issue.territoryVacant",
                    "(.+) on the credit date of (\\d+) deal\\(s\\) \\(first (.+)\\): nobody gets their primary credit"),
            // TargetIncentiveCurve.issue
            new Form(
                    "runs.issue.noTargetIncentive",
                    "(\\S+) (\\S+): component (\\S+) of plan (\\S+) pays a share of the target incentive but \\S+ has no"
                            + " target incentive for \\S+; it pays 0"),
            new Form(
                    "runs.issue.targetIncentiveCurrency",
                    "(\\S+) (\\S+): component (\\S+) of plan (\\S+) pays in (\\S+) but the target incentive is in (\\S+);"
                            + " it pays 0"),
            // PayeeCalculator: a line in another currency than the payout's
            new Form(
                    "runs.issue.lineCurrency",
                    "(\\S+) (\\S+): line (\\S+) is in (\\S+), not the payout currency (\\S+); left out of the payout"),
            // Engine: assignments
            new Form("runs.issue.unknownPlan", "assignment of (.+) names unknown plan '(.*)'"),
            new Form("runs.issue.unknownPerson", "assignment names unknown person '(.*)'"),
            // PodEvaluator
            new Form(
                    "runs.issue.inNoPod",
                    "(\\S+) (\\S+): component (\\S+) is paid on pod attainment but \\S+ is in no pod during (.+); it pays 0"),
            new Form(
                    "runs.issue.podUnknownMember",
                    "pod (.+): member '(.*)' is not a known person; their deals do not count"),
            new Form(
                    "runs.issue.podNoQuota",
                    "pod (.+) has no quota for (\\S+) \\(measure (\\S+)\\): (\\S+) on pod attainment pays 0 to its members"),
            new Form(
                    "runs.issue.podZeroQuota",
                    "pod (.+) has a zero quota for (\\S+) \\(measure (\\S+)\\): (\\S+) on pod attainment pays 0 to its"
                            + " members"),
            // Returns.verdicts
            new Form(
                    "runs.issue.returnUnknown",
                    "(\\S+) (\\S+) \\(refers_to\\): refers to transaction '(.*)', which is unknown \\(or excluded from this"
                            + " run\\); nothing is clawed back"),
            new Form(
                    "runs.issue.returnOfReturn",
                    "(\\S+) (\\S+) \\(refers_to\\): (\\S+) is itself a return; refer to the original deal"),
            new Form(
                    "runs.issue.returnCurrency",
                    "(\\S+) (\\S+) \\(amount\\): is in (\\S+) but (\\S+) is in (\\S+); nothing is clawed back"),
            new Form(
                    "runs.issue.returnTooMuchBy",
                    "(\\S+) (\\S+) \\(amount\\): returns (\\S+) of (\\S+), but only (\\S+) of its (\\S+) is left"
                            + " \\(already returned (\\S+) by (.+)\\); nothing is clawed back"),
            new Form(
                    "runs.issue.returnTooMuch",
                    "(\\S+) (\\S+) \\(amount\\): returns (\\S+) of (\\S+), but only (\\S+) of its (\\S+) is left"
                            + " \\(already returned (\\S+)\\); nothing is clawed back"));

    private RunIssueTexts() {}

    static List<String> shown(JsonNode issues, MessageSource messages, Locale locale) {
        List<String> out = new ArrayList<>();
        for (JsonNode i : issues) {
            out.add(shown(i.asString(), messages, locale));
        }
        return out;
    }

    static String shown(String text, MessageSource messages, Locale locale) {
        for (Form f : FORMS) {
            Matcher m = f.pattern().matcher(text);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int g = 1; g <= m.groupCount(); g++) {
                    args[g - 1] = m.group(g) == null ? "" : m.group(g);
                }
                return messages.getMessage(f.key(), args, text, locale);
            }
        }
        return text;
    }
}
