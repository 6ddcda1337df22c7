package org.attain.access;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link ForwardedProtoValve} with Tomcat: secure requests, and secure cookies, behind a trusted TLS proxy. */
@Configuration(proxyBeanMethods = false)
class ForwardedProtoConfig {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> forwardedProto(ClientAddress proxies) {
        return factory -> factory.addEngineValves(new ForwardedProtoValve(proxies));
    }
}
