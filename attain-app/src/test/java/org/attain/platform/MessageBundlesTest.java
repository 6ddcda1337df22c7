package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every word on screen exists in English and German: every bundle the application loads (its
 * {@code spring.messages.basename}) has a German twin with the same keys, none blank. The list is read from
 * application.yml, so a new bundle is checked the day it is added.
 */
class MessageBundlesTest {

    static List<String> bundles() throws IOException {
        try (var in = MessageBundlesTest.class.getResourceAsStream("/application.yml")) {
            String yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String line = yml.lines()
                    .map(String::strip)
                    .filter(l -> l.startsWith("basename:"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("application.yml names the message bundles"));
            List<String> bundles = Arrays.stream(
                            line.substring("basename:".length()).split(","))
                    .map(String::strip)
                    .map(b -> b.substring("i18n/".length()))
                    .toList();
            assertThat(bundles).contains("messages", "pay", "game");
            return bundles;
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
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
