package org.attain.spark;

import java.util.regex.Pattern;

/**
 * Where a run's executors are: {@code local}, {@code local[N]}, {@code local[*]} (N threads in this JVM,
 * optionally {@code local[N,F]} to retry a failed task F times) or a standalone cluster
 * {@code spark://host:port[,host:port...]}. Anything else is refused before a Spark context starts.
 */
public record SparkMaster(String url) {

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?");
    private static final Pattern STANDALONE =
            Pattern.compile("spark://[A-Za-z0-9.\\-]+:[0-9]{1,5}(,[A-Za-z0-9.\\-]+:[0-9]{1,5})*");

    public SparkMaster {
        if (url == null
                || !(LOCAL.matcher(url).matches() || STANDALONE.matcher(url).matches())) {
            throw new IllegalArgumentException(String.valueOf(url));
        }
    }

    public boolean local() {
        return url.startsWith("local");
    }
}
