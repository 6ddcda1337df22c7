package org.attain.demo;

/**
 * Receives the generated history one row at a time, in a stable order. Every method defaults to
 * ignoring its row, so a caller implements only what it needs.
 */
public interface DemoSink {

    default void opportunity(Opportunity opportunity) {}

    default void transaction(SalesTransaction transaction) {}

    default void activity(Activity activity) {}
}
