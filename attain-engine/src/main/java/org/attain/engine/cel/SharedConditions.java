package org.attain.engine.cel;

/**
 * The CEL environments conditions are compiled again with after they were serialized (shipped to another
 * JVM, e.g. a Spark executor). Immutable and thread-safe; built on first use, once per JVM, because building
 * them costs far more than compiling a condition.
 */
final class SharedConditions {

    static final CelConditions CEL = new CelConditions();

    private SharedConditions() {}
}
