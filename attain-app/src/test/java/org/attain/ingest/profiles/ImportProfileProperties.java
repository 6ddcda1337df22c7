package org.attain.ingest.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.attain.support.BadText;

/**
 * An import profile (YAML) however broken, starting from the project's examples: it is read, or refused with a
 * {@link ProfileException} whose message names the profile and says what is wrong; nothing else is thrown.
 */
class ImportProfileProperties {

    static final List<String> PROFILES = examples();

    static void readsOrNamesItsProblem(String yaml) {
        try {
            ImportProfile profile = ImportProfile.parse("fuzz.yaml", yaml);
            assertThat(profile.source()).isNotBlank();
        } catch (ProfileException e) {
            assertThat(e.getMessage())
                    .contains("fuzz.yaml")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    @Example
    void everyExampleProfileIsRead() {
        assertThat(PROFILES).hasSizeGreaterThan(5);
        PROFILES.forEach(p -> ImportProfile.parse("example", p));
    }

    @Property(tries = 400)
    void aDamagedProfileIsReadOrRefusedWithItsReason(@ForAll("damaged") String yaml) {
        readsOrNamesItsProblem(yaml);
    }

    @Example
    void deepNestingHugeValuesAndWrongEncodingsAreRefusedWithTheirReason() {
        String seed = PROFILES.get(0);
        for (String yaml : List.of(
                BadText.nested("[", "1", "]", 100_000),
                BadText.nested("{a: ", "1", "}", 20_000),
                "source: " + "s".repeat(5_000_000),
                "a: &a [" + "*a,".repeat(1000) + "]",
                "\uFEFF" + seed,
                seed.replace("\n", "\u0000\n"),
                new String(
                        seed.getBytes(java.nio.charset.StandardCharsets.UTF_16),
                        java.nio.charset.StandardCharsets.UTF_8),
                "",
                "- a\n- b")) {
            readsOrNamesItsProblem(yaml);
        }
    }

    @Provide
    Arbitrary<String> damaged() {
        return BadText.damaged(PROFILES);
    }

    private static List<String> examples() {
        try (Stream<Path> files = Files.list(Path.of("..", "examples", "imports"))) {
            return files.filter(f -> f.toString().endsWith(".profile.yaml"))
                    .sorted()
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
