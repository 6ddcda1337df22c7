package org.attain.pay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.engine.calc.Trace;
import org.attain.engine.calc.TraceStep;
import org.attain.platform.BusinessWords;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statement's list of trace steps, rendered from the real template: a coded step (territory credit) in
 * the reader's language from the message bundles, a step without a code as the engine wrote it.
 */
class TraceStepsTemplateTest {

    @Test
    void codedStepsAreTranslatedAndOthersShownAsWritten() throws IOException {
        Trace trace = new Trace(
                List.of(
                        new TraceStep(
                                "territory",
                                "2 deal(s) via territory NORDICS (owner r1): D1, D3",
                                "trace.territory.owner",
                                List.of("NORDICS", "Nordics", "r1", "2", "D1, D3")),
                        new TraceStep("rate", "50000.00 x 0.05 = 2500.00")),
                List.of());
        JsonNode line = JsonMapper.builder().build().valueToTree(java.util.Map.of("trace", trace.toMap()));
        assertThat(render(line, Locale.ENGLISH))
                .contains("2 deal(s) via territory Nordics (NORDICS), owner r1: D1, D3")
                .contains("50000.00 x 0.05 = 2500.00");
        assertThat(render(line, Locale.GERMAN))
                .contains("2 Abschluss/Abschlüsse über Gebiet Nordics (NORDICS), Inhaber r1: D1, D3")
                .contains("50000.00 x 0.05 = 2500.00");
    }

    private static String render(JsonNode line, Locale locale) throws IOException {
        String page;
        try (var in = TraceStepsTemplateTest.class.getResourceAsStream("/templates/pay/statement.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher steps =
                Pattern.compile("<ol class=\"trace\">.*?</ol>", Pattern.DOTALL).matcher(page);
        assertThat(steps.find()).isTrue();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/pay", "i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        GenericApplicationContext beans = new GenericApplicationContext();
        beans.registerBean("words", BusinessWords.class, () -> BusinessWords.withoutPlans(messages));
        beans.refresh();
        Context context = new Context(locale);
        context.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(beans, null));
        LocaleContextHolder.setLocale(locale);
        context.setVariable("line", new LineView(line.get("trace")));
        return engine.process(steps.group(), context);
    }

    /** What the template reads of a line here: its trace. */
    public record LineView(JsonNode trace) {}
}
