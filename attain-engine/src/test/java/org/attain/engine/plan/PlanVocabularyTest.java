package org.attain.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.attain.engine.scenario.ScenarioVocabulary;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.Vocabulary;
import org.attain.engine.yaml.YamlDocument;
import org.attain.engine.yaml.YamlNode;
import org.junit.jupiter.api.Test;

/**
 * The editor's completion is recorded from the readers themselves; this guards that the sample they read
 * reaches every part of the language: each key written in the golden scenarios (plans included) is offered
 * at its place.
 */
class PlanVocabularyTest {

    private static final List<String> FREE_FORM = List.of(
            "accounts", "transactions.attributes", "people.target_incentive", "plan.versions", "plans.plan.versions");

    private final PlanCompiler compiler = new PlanCompiler();

    @Test
    void thePlanVocabularyHasTheKeysAndWordsOfThePlanLanguage() {
        Vocabulary v = PlanVocabulary.of(compiler);
        assertThat(v.keys().get(""))
                .contains("id", "name", "currency", "frequency", "measures", "components", "clawback");
        assertThat(v.keys().get("components"))
                .contains("kind", "tiers", "tier_mode", "points", "cap_per_period", "when");
        assertThat(v.keys().get("components.tiers")).containsExactlyInAnyOrder("from", "to", "rate");
        assertThat(v.keys().get("measures.credit")).contains("from", "weight", "side");
        assertThat(v.values().get("kind")).contains("rate", "tiered", "bonus", "curve", "per_deal_amount", "mbo");
        assertThat(v.values().get("tier_mode")).containsExactly("marginal", "slab");
        assertThat(v.values().get("frequency")).containsExactly("month", "quarter", "year");
        assertThat(v.values().get("negative_balance")).containsExactly("carry_forward", "write_off");
    }

    @Test
    void everyKeyOfTheGoldenScenariosIsInTheScenarioVocabulary() throws IOException {
        Vocabulary v = ScenarioVocabulary.of(compiler);
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../scenarios/golden"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                YamlNode root = YamlDocument.parse(f.toString(), Files.readString(f), new Problems())
                        .orElseThrow();
                collect(root, "", v.keys(), f.getFileName() + ":", missing);
            }
        }
        assertThat(missing).isEmpty();
    }

    private static void collect(
            YamlNode node, String path, Map<String, List<String>> keys, String file, List<String> missing) {
        if (node.isMapping()) {
            List<String> offered = keys.getOrDefault(path, List.of());
            node.entries().forEach((key, value) -> {
                String at = path.isEmpty() ? key : path + "." + key;
                if (FREE_FORM.stream().anyMatch(at::startsWith)) {
                    return; // maps of the author's own keys (attributes, targets by period), or plan versions
                }
                if (!offered.contains(key)) {
                    missing.add(file + path + "." + key);
                }
                collect(value, path.isEmpty() ? key : path + "." + key, keys, file, missing);
            });
        } else if (node.isSequence()) {
            node.items().forEach(item -> collect(item, path, keys, file, missing));
        }
    }
}
