package org.attain.platform;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started Attain where to point their browser, and how to log in. */
@Component
class StartupReport {

    private final Environment env;
    private final AttainMode mode;

    StartupReport(Environment env, AttainMode mode) {
        this.env = env;
        this.mode = mode;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (env.getProperty("attain.headless", Boolean.class, false)) {
            // A command-line command opens no port; its own lines are its report.
            return;
        }
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : env.getProperty("server.port", Integer.class, 8080);
        StringBuilder text = new StringBuilder();
        text.append("\n  Attain is ready: http://localhost:").append(port).append("/\n");
        if (mode.demo()) {
            text.append("  Demo mode. Log in as admin, compadmin, finance, manager or rep, password: demo\n");
        }
        text.append("  API: http://localhost:").append(port).append("/api/docs   Health: /actuator/health\n");
        System.out.println(text);
    }
}
