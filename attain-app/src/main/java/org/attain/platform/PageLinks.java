package org.attain.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Page links ({@code @{/people/5}}) are written as they are; only links to files (a dot in the last
 * path segment: {@code /css/attain.css}, {@code /webjars/htmx.org/dist/htmx.min.js}) go through
 * {@code response.encodeURL} and so through Spring's resource chain, which turns version-less
 * WebJar paths into real ones.
 *
 * <p>Why: with WebJars on the classpath Spring enables the resource chain, and every link of every
 * page was looked up as a static file in each classpath location; a miss is not cached, and inside
 * the packaged jar each look-up opens nested-jar URLs. Under 50 concurrent users that was nearly half
 * of the application's CPU. Session ids are never put in URLs here (Spring Security disables URL
 * rewriting), so for page links {@code encodeURL} changed nothing but cost that look-up.
 */
@Component
class PageLinks implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringTemplateEngine engine) {
            engine.setLinkBuilder(new FileLinksThroughResourceChain());
        }
        return bean;
    }

    static final class FileLinksThroughResourceChain extends StandardLinkBuilder {

        @Override
        protected String processLink(IExpressionContext context, String link) {
            return namesAFile(link) ? super.processLink(context, link) : link;
        }
    }

    /** True when the last segment of the link's path has a dot: a file, not a page. */
    static boolean namesAFile(String link) {
        int end = link.length();
        for (int i = 0; i < link.length(); i++) {
            char c = link.charAt(i);
            if (c == '?' || c == '#' || c == ';') {
                end = i;
                break;
            }
        }
        int slash = link.lastIndexOf('/', end - 1);
        return link.indexOf('.', slash + 1) >= 0 && link.indexOf('.', slash + 1) < end;
    }
}
