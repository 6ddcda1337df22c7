package org.attain.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no external database is configured, i.e. when Attain should run its own PostgreSQL. */
public class EmbeddedDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return usesEmbeddedDatabase(context.getEnvironment());
    }

    public static boolean usesEmbeddedDatabase(org.springframework.core.env.Environment env) {
        String url = env.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }
}
