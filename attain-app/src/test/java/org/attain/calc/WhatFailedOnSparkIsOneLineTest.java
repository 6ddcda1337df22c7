package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A failure on Spark is told on the run's page in one line: no frames, no wrapper's class name, not endless. */
class WhatFailedOnSparkIsOneLineTest {

    @Test
    void aJobAbortedByAFailedTaskIsItsFirstLineWithoutTheExecutorsStackTrace() {
        // As Spark reports a task that failed for good: the executor's exception and frames inside the message.
        Exception spark = new Exception("""
                Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times, most recent failure: Lost task 0.0 \
                in stage 3.0 (TID 3) (127.0.0.1 executor driver): java.lang.IllegalStateException: boom
                \tat org.attain.spark.EngineOnSpark.compute(EngineOnSpark.java:190)
                \tat org.apache.spark.rdd.RDD.iterator(RDD.scala:338)

                Driver stacktrace:""");
        // EngineOnSpark wraps it (Spark's exception is a checked one) as it is.
        RuntimeException wrapped =
                new IllegalStateException("org.apache.spark.SparkException: " + spark.getMessage(), spark);

        assertThat(SparkFailure.describe(wrapped))
                .isEqualTo("Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times, most recent failure:"
                        + " Lost task 0.0 in stage 3.0 (TID 3) (127.0.0.1 executor driver):"
                        + " java.lang.IllegalStateException: boom");
    }

    @Test
    void aWrapperNamingItsCauseLosesTheClassNameAndAMessagelessFailureIsItsClass() {
        assertThat(SparkFailure.describe(new IllegalStateException(
                        "org.apache.spark.SparkException: Only one SparkContext should be running in this JVM")))
                .isEqualTo("Only one SparkContext should be running in this JVM");
        assertThat(SparkFailure.describe(new UnsupportedOperationException()))
                .isEqualTo("UnsupportedOperationException");
        assertThat(SparkFailure.describe(new IllegalStateException("x".repeat(1000))))
                .hasSize(401)
                .endsWith("…");
    }
}
