package org.attain.plan.web;

import java.util.List;
import java.util.Locale;
import org.attain.plan.PlanScenarios;
import org.attain.plan.Plans;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Plan problems in the reader's language: a problem with a code is shown as that message (the engine's
 * English reason when the bundle has no such key); one without a code as its reason.
 */
@Component
class ProblemTexts {

    private final MessageSource messages;

    ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    List<Plans.Problem> localized(List<Plans.Problem> problems, Locale locale) {
        return problems.stream()
                .map(p -> p.code() == null
                        ? p
                        : p.withReason(messages.getMessage(p.code(), p.args().toArray(), p.reason(), locale)))
                .toList();
    }

    List<PlanScenarios.Outcome> localizedOutcomes(List<PlanScenarios.Outcome> outcomes, Locale locale) {
        return outcomes.stream()
                .map(o -> o.withProblems(localized(o.problems(), locale)))
                .toList();
    }
}
