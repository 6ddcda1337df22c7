package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every word on screen exists in English and German. */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "messages",
                "ingest",
                "pay",
                "payout",
                "report",
                "integration",
                "activity",
                "planning",
                "capacity",
                "territory",
                "territory-balance",
                "pulse",
                "forecast",
                "expense",
                "budget",
                "executive",
                "game",
                "insight"
            })
    void englishAndGermanHaveTheSameKeys(String bundle) throws IOException {
        Properties en = load("/i18n/" + bundle + ".properties");
        Properties de = load("/i18n/" + bundle + "_de.properties");
        assertThat(de.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        de.stringPropertyNames()
                .forEach(k -> assertThat(de.getProperty(k)).as(k).isNotBlank());
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (var in =
                new InputStreamReader(MessageBundlesTest.class.getResourceAsStream(path), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
