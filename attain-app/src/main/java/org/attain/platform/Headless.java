package org.attain.platform;

import java.util.ArrayList;
import java.util.List;
import org.attain.AttainApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application for a command-line subcommand: same configuration and database as the server
 * (so the demo company is loaded on a first start exactly as {@code serve} does) but quiet, and
 * with no port open. The context stays a web one because the security configuration needs it.
 */
public final class Headless {

    private Headless() {
    }

    public static ConfigurableApplicationContext start(List<String> springArguments) {
        List<String> args = new ArrayList<>(List.of("--logging.level.root=warn", "--spring.main.log-startup-info=false",
                "--server.port=-1", "--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false"));
        args.addAll(springArguments);
        return new SpringApplicationBuilder(AttainApplication.class)
                .web(WebApplicationType.SERVLET).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }
}
