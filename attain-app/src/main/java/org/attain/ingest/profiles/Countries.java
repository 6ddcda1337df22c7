package org.attain.ingest.profiles;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.attain.ingest.lookup.Closest;

/**
 * Countries as files write them: the ISO code (DE), or the name in English or German as Java knows
 * them ("Germany", "Deutschland", "United States", "Vereinigte Staaten"), plus a few names people use
 * that are not the official ones (USA, UK, Holland …); ignoring case, accents and umlaut spelling.
 */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_NAME = names();

    private Countries() {}

    /** The ISO code, or null when the text names no country. */
    public static String code(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        if (CODES.contains(upper)) {
            return upper;
        }
        return BY_NAME.get(Ascii.folded(text));
    }

    /** The closest English name of an unknown country, for the suggestion. */
    public static String closest(String text) {
        String code = Closest.to(Ascii.folded(text), BY_NAME.keySet());
        return code == null ? null : new Locale("", BY_NAME.get(code)).getDisplayCountry(Locale.ENGLISH);
    }

    private static Map<String, String> names() {
        Map<String, String> out = new HashMap<>();
        for (String code : CODES) {
            Locale country = new Locale("", code);
            for (Locale language : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
                out.putIfAbsent(Ascii.folded(country.getDisplayCountry(language)), code);
            }
        }
        Map.ofEntries(
                        Map.entry("usa", "US"),
                        Map.entry("u s a", "US"),
                        Map.entry("u s", "US"),
                        Map.entry("united states of america", "US"),
                        Map.entry("america", "US"),
                        Map.entry("vereinigte staaten von amerika", "US"),
                        Map.entry("uk", "GB"),
                        Map.entry("great britain", "GB"),
                        Map.entry("britain", "GB"),
                        Map.entry("england", "GB"),
                        Map.entry("grossbritannien", "GB"),
                        Map.entry("holland", "NL"),
                        Map.entry("czech republic", "CZ"),
                        Map.entry("tschechische republik", "CZ"),
                        Map.entry("south korea", "KR"),
                        Map.entry("korea", "KR"),
                        Map.entry("sudkorea", "KR"),
                        Map.entry("russia", "RU"),
                        Map.entry("russland", "RU"),
                        Map.entry("uae", "AE"),
                        Map.entry("vae", "AE"),
                        Map.entry("turkey", "TR"),
                        Map.entry("turkei", "TR"),
                        Map.entry("ivory coast", "CI"),
                        Map.entry("vietnam", "VN"),
                        Map.entry("schweiz", "CH"))
                .forEach((name, code) -> out.putIfAbsent(Ascii.folded(name), code));
        return Map.copyOf(out);
    }
}
