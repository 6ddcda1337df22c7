package org.attain.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What stopped a run on Spark, in one line a person reads on the run's page. Spark reports a failed job with the
 * executor's stack trace inside the message ("Job aborted due to stage failure: … most recent failure: …
 * java.lang.IllegalStateException: boom" and then a line per frame), and wrappers repeat their cause as
 * "org.apache.spark.SparkException: …": only the first line of the innermost cause that says something is kept.
 */
final class SparkFailure {

    private static final int LONGEST = 400;
    private static final Pattern CLASS_NAME = Pattern.compile("^([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*: ");

    private SparkFailure() {}

    static String describe(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            String line = firstLine(chain.get(i).getMessage());
            if (!line.isEmpty()) {
                return line.length() <= LONGEST ? line : line.substring(0, LONGEST) + "…";
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        // "org.apache.spark.SparkException: Job aborted …": the wrapped message without its class's name
        while (CLASS_NAME.matcher(line).find()) {
            line = CLASS_NAME.matcher(line).replaceFirst("");
        }
        return line;
    }
}
