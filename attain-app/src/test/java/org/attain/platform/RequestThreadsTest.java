package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.coyote.AbstractProtocol;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The running server works on 8 requests per core at once (at least 16), not Tomcat's 200; more users than that at
 * once wait their turn and are all answered, none refused.
 */
class RequestThreadsTest extends AttainIntegrationTest {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theServerWorksOnEightRequestsPerCoreAndTheRestWaitTheirTurn() throws Exception {
        var protocol = (AbstractProtocol<?>) ((TomcatWebServer) context.getWebServer())
                .getTomcat()
                .getConnector()
                .getProtocolHandler();
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(protocol.getMaxThreads()).isEqualTo(Math.max(16, 8 * cores));

        int users = protocol.getMaxThreads() * 3;
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                answers.add(pool.submit(() -> anonymous().get("/login").statusCode()));
            }
            for (Future<Integer> a : answers) {
                assertThat(a.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
