package org.attain.territory.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The balancing bundle speaks English and German with the same keys (platform.MessageBundlesTest does not list it yet). */
class BalanceMessagesTest {

    @Test
    void everyBalancingMessageIsInEnglishAndGerman() throws IOException {
        Properties english = load("i18n/territory-balance.properties");
        Properties german = load("i18n/territory-balance_de.properties");

        assertThat(english.stringPropertyNames())
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(german.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allSatisfy(key -> {
            assertThat(english.getProperty(key)).isNotBlank();
            assertThat(german.getProperty(key)).isNotBlank();
        });
        assertThat(english.stringPropertyNames())
                .contains(
                        "territory.balance.reason.locked-account-above-band",
                        "territory.balance.reason.cannot-fill",
                        "territory.balance.reason.not-found");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BalanceMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
