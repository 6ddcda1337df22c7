package org.attain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring Boot application: a modular monolith with one package per business capability. */
@SpringBootApplication
public class AttainApplication {

    static {
        // Commands started in-process (tests, the CLI) build their context from this class.
        org.attain.platform.Headless.use(AttainApplication.class);
    }

    public static ConfigurableApplicationContext run(String[] args) {
        return SpringApplication.run(AttainApplication.class, args);
    }

    public static void main(String[] args) {
        run(args);
    }
}
