package org.attain.engine.plan;

import java.util.Locale;

/**
 * Which side of a deal's credit a rule takes: primary (owner, split, territory owner), overlay (overlay
 * splits, territory overlays) or either (the default, as before sides could be chosen).
 */
public enum CreditSide {
    ANY,
    PRIMARY,
    OVERLAY;

    static CreditSide parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "any" -> ANY;
            case "primary" -> PRIMARY;
            case "overlay" -> OVERLAY;
            default -> throw new IllegalArgumentException("unknown credit side '" + text + "' (primary, overlay, any)");
        };
    }

    /** True when a credit on the overlay side ({@code overlay}) or the primary side is taken. */
    public boolean takes(boolean overlay) {
        return this == ANY || (this == OVERLAY) == overlay;
    }
}
