package org.attain.calc.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.attain.calc.CalcRuns;
import org.springframework.context.MessageSource;

/**
 * A run's stages on Spark in the reader's language. A stage is recorded as the key the CLI prints it with
 * ({@code calc.spark.stage.inputs}) and its arguments; a page says it with {@code runs.stage.inputs}, a sentence
 * that leaves out what the page already shows (the run's number).
 */
final class RunStageTexts {

    /** A stage as the page shows it: what happened, when it began, and whether it is the failure that ended the run. */
    record Shown(String text, Instant at, boolean failed) {}

    private RunStageTexts() {}

    static List<Shown> shown(CalcRuns.Run run, MessageSource messages, Locale locale) {
        return run.stages().stream()
                .map(s -> new Shown(text(s, messages, locale), s.at(), s.key().endsWith(".failed")))
                .toList();
    }

    /** The stage a running run is in (its last), null when it records none (a run on this server's cores). */
    static String current(CalcRuns.Run run, MessageSource messages, Locale locale) {
        return run.stages().isEmpty()
                ? null
                : text(run.stages().get(run.stages().size() - 1), messages, locale);
    }

    private static String text(CalcRuns.RunStage stage, MessageSource messages, Locale locale) {
        String key = "runs.stage." + stage.key().substring(stage.key().lastIndexOf('.') + 1);
        return messages.getMessage(key, stage.args().toArray(), stage.key(), locale);
    }
}
