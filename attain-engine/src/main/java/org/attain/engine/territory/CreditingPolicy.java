package org.attain.engine.territory;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The company's rule for who gets a deal's primary credit, in precedence order: {@code TERRITORY} (the owner
 * of the territory that claims the deal on its credit date) and {@code OWNER} (the deal's owner, or its
 * split people). With {@code primaryOnce} the first source that claims the deal takes all of its primary
 * credit (a claimed deal credits nobody else's primary side, even when the territory is vacant); without it
 * every listed source that claims the deal credits it (a person once). Overlays add, never replace: the
 * claiming territory's overlays and the deal's overlay splits get overlay credit whichever source won.
 */
public record CreditingPolicy(List<Source> precedence, boolean primaryOnce) implements java.io.Serializable {

    /** Where primary credit may come from. */
    public enum Source {
        TERRITORY,
        OWNER;

        /** {@code territory} or {@code owner}, as written in scenarios. */
        public static Source parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "territory" -> TERRITORY;
                case "owner" -> OWNER;
                default ->
                    throw new IllegalArgumentException("unknown credit source '" + text + "' (territory, owner)");
            };
        }
    }

    /** Territory first, the deal owner only where no territory claims the deal; primary credit once. */
    public static final CreditingPolicy TERRITORY_FIRST =
            new CreditingPolicy(List.of(Source.TERRITORY, Source.OWNER), true);

    public CreditingPolicy {
        Objects.requireNonNull(precedence, "precedence");
        precedence = List.copyOf(precedence);
        if (precedence.isEmpty()) {
            throw new IllegalArgumentException("a crediting policy needs at least one source (territory, owner)");
        }
        if (precedence.stream().distinct().count() != precedence.size()) {
            throw new IllegalArgumentException("a crediting policy names a source twice: " + precedence);
        }
    }

    public boolean usesTerritories() {
        return precedence.contains(Source.TERRITORY);
    }
}
