package org.attain.platform;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How request bodies are read. A null inside a list ({@code "members": [null]}) is refused while reading, with
 * its path ({@code members[0]}), instead of reaching code that reads every element: no request asks for a
 * missing element, and each one that got through answered 500.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    @Bean
    JsonMapperBuilderCustomizer noNullElementsInLists() {
        JsonSetter.Value failOnNullElements = JsonSetter.Value.forContentNulls(Nulls.FAIL);
        return builder -> {
            for (Class<?> type : List.of(List.class, Set.class, Collection.class)) {
                builder.withConfigOverride(type, o -> o.setNullHandling(failOnNullElements));
            }
        };
    }
}
