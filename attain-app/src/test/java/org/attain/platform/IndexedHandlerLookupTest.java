package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The prefix index finds, for every route of the application, the handler Spring's own lookup finds: each mapped
 * pattern made into a concrete path, asked with each of its methods and with a method it does not take.
 */
class IndexedHandlerLookupTest extends AttainIntegrationTest {

    @Autowired
    PathPrefixMappings.Filtered mappings;

    @Test
    void everyRouteFindsTheSameHandlerWithAndWithoutTheIndex() throws Exception {
        List<String> compared = new ArrayList<>();
        long answeredBefore = mappings.answered.get();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> asked = new ArrayList<>();
            methods.forEach(m -> asked.add(m.name()));
            asked.add(methods.contains(RequestMethod.DELETE) ? "PATCH" : "DELETE");
            if (methods.isEmpty()) {
                asked.add(0, "GET");
            }
            for (var pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString()
                        .replaceAll("\\{\\*[^}]*}", "rest/of/it")
                        .replaceAll("\\{[^}:]*(:[^}]*)?}", "7")
                        .replace("**", "deep/er")
                        .replace("*", "any");
                for (String method : asked) {
                    assertThat(lookUp(method, path, true))
                            .as("%s %s (%s)", method, path, pattern)
                            .isEqualTo(lookUp(method, path, false));
                    compared.add(method + " " + path);
                }
            }
        }
        assertThat(compared).hasSizeGreaterThan(200);
        // Most of them by the index itself (a route with a literal path is Spring's own lookup, as before).
        assertThat(mappings.answered.get() - answeredBefore).isGreaterThan(100);
    }

    /** What the handler mapping answers: the handler's method and the URI variables, or the exception's type. */
    private String lookUp(String method, String path, boolean indexed) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", "*/*");
        ServletRequestPathUtils.parseAndCache(request);
        mappings.indexed = indexed;
        try {
            HandlerExecutionChain chain = mappings.getHandler(request);
            if (chain == null) {
                return "none";
            }
            return ((HandlerMethod) chain.getHandler()).getMethod().toGenericString() + " "
                    + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) + " "
                    + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        } catch (Exception e) {
            return e.getClass().getName();
        } finally {
            mappings.indexed = true;
        }
    }
}
