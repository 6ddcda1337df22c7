package org.attain.platform;

import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How many requests the server works on at once: 8 per core (at least 16), not Tomcat's 200. Pages and API calls
 * are short and CPU-bound (the database is on the same cores or a few milliseconds away): 50 users asking at once on
 * 2 cores were each given a slice of 50 threads, so every request took as long as the slowest mix and the cores
 * spent time switching between them. With 16 at work and the rest waiting their turn on the connection queue, the
 * same load ran with less CPU per request and a shorter tail (docs/benchmarks.md, issue 23 in session 19). Live
 * boards (server-sent events) hand their thread back while they wait, so they do not hold one of them.
 * {@code server.tomcat.threads.max}, when set, is left as set.
 */
@Component
class RequestThreads implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final boolean configured;
    private final int threads;

    RequestThreads(Environment environment) {
        this.configured = environment.containsProperty("server.tomcat.threads.max");
        this.threads = forCores(Runtime.getRuntime().availableProcessors());
    }

    static int forCores(int cores) {
        return Math.max(16, 8 * cores);
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (configured) {
            return;
        }
        // A connector customizer added last: it runs after the one that applies server.tomcat.* (Boot's default 200).
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(threads);
                protocol.setMinSpareThreads(Math.min(protocol.getMinSpareThreads(), threads));
            }
        });
    }

    @Override
    public int getOrder() {
        // After Boot's own customizer of server.tomcat.* (order 0).
        return Ordered.LOWEST_PRECEDENCE;
    }
}
