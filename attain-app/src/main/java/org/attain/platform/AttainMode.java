package org.attain.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo mode loads the generated company and the demo logins with the well-known password "demo".
 * It is on by default with the embedded database (a laptop evaluation) and off with an external
 * one (a real installation), and can be set either way with {@code attain.demo.enabled}.
 */
@Component
public class AttainMode {

    private final boolean demo;

    AttainMode(Environment env) {
        Boolean configured = env.getProperty("attain.demo.enabled", Boolean.class);
        this.demo = configured != null ? configured : EmbeddedDatabaseCondition.usesEmbeddedDatabase(env);
    }

    public boolean demo() {
        return demo;
    }
}
