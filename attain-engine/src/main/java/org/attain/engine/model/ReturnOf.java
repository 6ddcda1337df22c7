package org.attain.engine.model;

import java.util.Locale;
import java.util.Objects;

/**
 * What makes a transaction a return or reversal of an earlier deal: its {@code kind} ("return" or
 * "reversal", the same to the engine) and the deal it {@code refersTo}. A linked return takes back what the
 * original earned, at the rates it earned it, instead of counting as a negative deal at today's rates.
 */
public record ReturnOf(String kind, TransactionId refersTo) implements java.io.Serializable {

    /** The kinds a transaction may have; {@code deal} (or none) is an ordinary deal. */
    public static final java.util.List<String> KINDS = java.util.List.of("deal", "return", "reversal");

    public ReturnOf {
        Objects.requireNonNull(refersTo, "refersTo");
        kind = kind == null || kind.isBlank() ? "return" : kind.toLowerCase(Locale.ROOT);
    }
}
