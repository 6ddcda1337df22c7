package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.scenario.ScenarioParse;
import org.attain.engine.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * German everywhere (issue 21.6) in the calculation steps the first pass left English: pod crediting, the
 * clawback window, prior-period adjustment lines and curve steps. The real engine calculates the scenarios
 * (the pod cases, golden cases 10 and 12, a curve on amounts and one on attainment); every step of those
 * lines carries a message code, and its words in German hold no English sentence the engine writes.
 */
class TraceWordsTest {

    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/pay", "i18n/messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    final BusinessWords words = BusinessWords.withoutPlans(MESSAGES);

    /** The English the engine writes in these steps (also in GermanEverywhereTest's list). */
    static final List<String> ENGLISH = List.of(
            "credited",
            "of quota",
            "days in pod",
            "a deal counts when",
            "not a member of any pod",
            "attainment is undefined",
            "pays 0",
            "the curve pays nothing",
            "is below the first point",
            "is at or above the last point",
            "between",
            "days after clos",
            "no clawback",
            "taken back",
            "as known on",
            "posted in",
            "Prior period adjustment");

    static final Set<String> COMPONENTS =
            Set.of("pod_rate", "pod_bonus", "commission", "clawback", "prior_period_adjustment", "curve");

    @Test
    void podStepsAreGerman() {
        Map<String, List<String>> de = german("pods/pod-movers-and-zero-quota.yaml", "pods/pod-quota-basics.yaml");
        assertThat(de.get("trace.pod.credited"))
                .contains(
                        "Pod North: 160.000,00 gutgeschrieben bei einer Quote von 150.000,00 = 106,7 % Zielerreichung")
                .contains(
                        "Pod South: 50.000,00 gutgeschrieben bei einer Quote von 0,00 = k. A. (keine Quote) Zielerreichung");
        assertThat(de.get("trace.pod.zeroQuota"))
                .contains("die Pod-Quote für 2026-Q1 ist 0: Zielerreichung nicht bestimmbar, zahlt 0");
        assertThat(de.get("trace.pod.prorationDeals"))
                .anyMatch(t -> t.startsWith("1.600,00 × 59/90 Tage im Pod North = 1.048,89"));
        assertThat(de.get("trace.pod.members")).allMatch(t -> t.contains("(ein Abschluss zählt"));
    }

    @Test
    void clawback10WindowIsGerman() {
        Map<String, List<String>> de = german("golden/10-clawback.yaml");
        assertThat(de.get("trace.clawback.takenBack"))
                .containsExactly(
                        "Abschluss D1 am 2026-02-10 abgeschlossen, am 2026-04-20 storniert (69 Tage, Frist 90):"
                                + " verdient 3.000,00 × 100 % zurückgefordert");
        assertThat(de.get("trace.clawback.outsideWindow"))
                .containsExactly(
                        "Abschluss D2 am 2026-06-01 storniert, 137 Tage nach Abschluss: keine Rückforderung (Frist 90 Tage)");
    }

    @Test
    void priorPeriodAdjustment12IsGerman() {
        Map<String, List<String>> de = german("golden/12-prior-period-adjustment.yaml");
        assertThat(de.get("trace.ppa.changed")).containsExactly("Provision: 1.500,00 → 1.700,00");
        assertThat(de.get("trace.ppa.posted")).containsExactly("200,00 gebucht in 2026-Q2");
        assertThat(de.get("trace.ppa.issued")).allMatch(t -> t.startsWith("2026-Q1 nach Stand vom "));
        assertThat(words.component("prior_period_adjustment", Locale.GERMAN))
                .isEqualTo("Korrektur einer früheren Periode");
        assertThat(words.component("prior_period_adjustment", Locale.ENGLISH)).isEqualTo("Prior-period adjustment");
    }

    @Test
    void rateTable20StepsAreGerman() {
        // golden 20's commission is a rate table: its measure step and each row's step carry codes too
        Map<String, List<String>> de = german("golden/20-mbo-and-rate-table.yaml");
        assertThat(de.get("trace.words.measure")).isNotEmpty().allMatch(t -> t.matches(".* = [\\d.]+,\\d\\d USD"));
        assertThat(de.get("trace.ratetable.row")).isNotEmpty();
    }

    @Test
    void curveStepsAreGermanOnAmountsAndOnAttainment() {
        Map<String, List<String>> de = german(
                curve("amount", "80000.00"),
                curve("amount", "10000.00"),
                curve("attainment", "200000.00"),
                curve("attainment", "80000.00"),
                curve("attainment", "10000.00"));
        assertThat(de.get("trace.curve.between"))
                .contains("zwischen 50.000,00 (zahlt 1.000,00) und 100.000,00 (zahlt 5.000,00): 3.400,00");
        assertThat(de.get("trace.curve.below")).contains("10.000,00 liegt unter dem ersten Punkt 50.000,00: zahlt 0");
        assertThat(de.get("trace.curve.aboveOnAttainment"))
                .contains("Zielerreichung 200,0 % liegt auf oder über dem letzten Punkt: zahlt 5.000,00");
        assertThat(de.get("trace.curve.betweenOnAttainment"))
                .contains("zwischen Zielerreichung 50,0 % (zahlt 1.000,00) und 100,0 % (zahlt 5.000,00): 3.400,00");
        assertThat(de.get("trace.curve.belowOnAttainment"))
                .contains("Zielerreichung 10,0 % liegt unter dem ersten Punkt 50,0 %: zahlt 0");
    }

    @Test
    void theSameStepsInEnglishReadAsBefore() {
        Map<String, List<String>> en = words("golden/10-clawback.yaml", Locale.ENGLISH);
        assertThat(en.get("trace.clawback.outsideWindow"))
                .containsExactly(
                        "deal D2 cancelled on 2026-06-01, 137 days after closing: no clawback (window 90 days)");
        Map<String, List<String>> pods = words("pods/pod-movers-and-zero-quota.yaml", Locale.ENGLISH);
        assertThat(pods.get("trace.pod.credited"))
                .contains("pod North: credited 160,000.00 of quota 150,000.00 = 106.7% attainment");
    }

    @Test
    void percentagesRoundHalfUpAsTheChartsDo() {
        // Half-even would give 95.2 % and 307.2: the charts' labels (and people) round half up.
        assertThat(words.share(new java.math.BigDecimal("0.9525"), Locale.ENGLISH))
                .isEqualTo("95.3%");
        assertThat(words.share(new java.math.BigDecimal("0.9525"), Locale.GERMAN)
                        .replace('\u00a0', ' '))
                .isEqualTo("95,3 %");
        assertThat(BusinessWords.percentOf(new java.math.BigDecimal("3.0725"))).isEqualByComparingTo("307.3");
        assertThat(BusinessWords.percentOf(new java.math.BigDecimal("0.9525"))).isEqualByComparingTo("95.3");
    }

    /** A curve component paying amounts on bookings or on attainment (quota 100,000), one deal of this amount. */
    static String curve(String on, String amount) {
        return """
                periods: [2026-Q1]
                currency: USD
                people:
                  - {id: a, start: 2025-01-01}
                quotas:
                  - {person: a, period: 2026-Q1, amount: "100000.00"}
                plan:
                  id: curved
                  components:
                    - id: curve
                      kind: curve
                      curve_on: %s
                      points: [{at: "%s", pay: "1000.00"}, {at: "%s", pay: "5000.00"}]
                transactions:
                  - {id: A1, owner: a, close: 2026-02-01, amount: "%s", status: won}
                """.formatted(
                on, on.equals("amount") ? "50000.00" : "0.50", on.equals("amount") ? "100000.00" : "1.00", amount);
    }

    private Map<String, List<String>> german(String... scenarios) {
        return words(List.of(scenarios), Locale.GERMAN);
    }

    private Map<String, List<String>> words(String scenario, Locale locale) {
        return words(List.of(scenario), locale);
    }

    /**
     * Each coded step's words by code, of the lines above; asserts every step of them has a code and no
     * German text shows the engine's English or an untranslated key.
     */
    private Map<String, List<String>> words(List<String> scenarios, Locale locale) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String s : scenarios) {
            ScenarioReader reader = new ScenarioReader(new PlanCompiler());
            ScenarioParse parse =
                    s.contains("\n") ? reader.read("curve.yaml", s, null) : reader.read(Path.of("..", "scenarios", s));
            assertThat(parse.problems()).as(s).isEmpty();
            CalculationResult result =
                    new Engine().calculate(parse.scenario().orElseThrow().input());
            for (PayeePeriodResult statement : result.statements()) {
                for (EarningsLine line : statement.lines()) {
                    if (!COMPONENTS.contains(line.component())) {
                        continue;
                    }
                    JsonNode trace = json.valueToTree(line.trace().toMap());
                    for (JsonNode step : trace.path("steps")) {
                        String where = line.component() + " " + step;
                        assertThat(step.hasNonNull("code"))
                                .as("a step without a message code: " + where)
                                .isTrue();
                        String text = words.detail(step, locale);
                        assertThat(text).as(where).doesNotContain("??").isNotBlank();
                        if (locale.equals(Locale.GERMAN)) {
                            for (String english : ENGLISH) {
                                assertThat(text).as(where).doesNotContain(english);
                            }
                        }
                        out.computeIfAbsent(step.get("code").asString(), k -> new ArrayList<>())
                                .add(text.replace('\u00a0', ' '));
                    }
                }
            }
        }
        return out;
    }
}
