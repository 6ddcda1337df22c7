package org.attain.home;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the main section of a page, and renders it again only when what it shows changed.
 *
 * <p>The figures are always read fresh; only turning them into HTML is skipped. The last rendering
 * is kept in the user's own session together with everything it was made from (the whole model and
 * the locale); when a request brings an equal model, the HTML is the same and is reused. A value
 * without value equality simply never matches, so a stale page cannot come out of here. Kept in the
 * session, a rendering is never shown to another user or another session. Under 50 concurrent users
 * template rendering was the largest cost of the home page, and most requests repeat the last one.
 */
@Component
class RenderedSection {

    private static final String ATTRIBUTE = RenderedSection.class.getName();

    private final SpringTemplateEngine templates;
    private final ApplicationContext context;
    private volatile JakartaServletWebApplication web;

    RenderedSection(SpringTemplateEngine templates, ApplicationContext context) {
        this.templates = templates;
        this.context = context;
    }

    private record Rendered(String template, Locale locale, Map<String, Object> model, String html) {
    }

    /** The HTML of the template's element(s) matching {@code selector}, rendered with this model. */
    String html(String template, String selector, Map<String, Object> model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> inputs = new HashMap<>(model);
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof Rendered last
                && last.template().equals(template) && last.locale().equals(locale) && last.model().equals(inputs)) {
            return last.html();
        }
        String html = render(template, selector, inputs, locale, request, response);
        if (session != null) {
            session.setAttribute(ATTRIBUTE, new Rendered(template, locale, inputs, html));
        }
        return html;
    }

    private String render(String template, String selector, Map<String, Object> model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        JakartaServletWebApplication app = web;
        if (app == null) {
            app = JakartaServletWebApplication.buildApplication(request.getServletContext());
            web = app;
        }
        WebContext ctx = new WebContext(app.buildExchange(request, response), locale, model);
        // As ThymeleafView does: Spring's expression context (beans, conversion) for ${...}.
        ConversionService conversion = (ConversionService) request.getAttribute(ConversionService.class.getName());
        ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, conversion));
        return templates.process(template, Set.of(selector), ctx);
    }
}
