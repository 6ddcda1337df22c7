package org.attain.engine.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.attain.engine.yaml.Vocabulary;

/**
 * The keys and words of the plan language, as the plan compiler asks for them: recorded while it reads a
 * sample naming every part of the language once ({@code vocabulary-sample.yaml}), so an editor's completion
 * offers exactly what the compiler accepts.
 */
public final class PlanVocabulary {

    private PlanVocabulary() {}

    /** What a plan document may say, by path of keys (see {@link Vocabulary}). */
    public static Vocabulary of(PlanCompiler compiler) {
        String sample = sample();
        return Vocabulary.recording(() -> compiler.compile("vocabulary", sample));
    }

    /** The sample plan the vocabulary is recorded from (e.g. to nest it in a scenario). */
    public static String sample() {
        try (InputStream in = PlanVocabulary.class.getResourceAsStream("vocabulary-sample.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
