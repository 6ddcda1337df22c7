package org.attain.ingest.profiles;

import java.text.Normalizer;
import java.util.Map;

/**
 * Text as plain ASCII for addresses and ids: German letters the way Germans write them without
 * umlauts (ä → ae, ß → ss), other accents dropped (é → e, ł → l), blanks as "-", everything
 * else but letters, digits and . _ + - left out ("O'Brien" → "OBrien").
 */
final class Ascii {

    private static final Map<Character, String> SPELLED = Map.ofEntries(
            Map.entry('ä', "ae"),
            Map.entry('ö', "oe"),
            Map.entry('ü', "ue"),
            Map.entry('Ä', "Ae"),
            Map.entry('Ö', "Oe"),
            Map.entry('Ü', "Ue"),
            Map.entry('ß', "ss"),
            Map.entry('ẞ', "SS"),
            Map.entry('æ', "ae"),
            Map.entry('Æ', "Ae"),
            Map.entry('œ', "oe"),
            Map.entry('Œ', "Oe"),
            Map.entry('ø', "o"),
            Map.entry('Ø', "O"),
            Map.entry('ł', "l"),
            Map.entry('Ł', "L"),
            Map.entry('đ', "d"),
            Map.entry('Đ', "D"),
            Map.entry('þ', "th"),
            Map.entry('Þ', "Th"),
            Map.entry('ı', "i"));

    private Ascii() {}

    static String of(String text) {
        StringBuilder spelled = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String s = SPELLED.get(c);
            if (s != null) {
                spelled.append(s);
            } else {
                spelled.append(c);
            }
        }
        String stripped = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return stripped.strip().replaceAll("\\s+", "-").replaceAll("[^A-Za-z0-9._+\\-]", "");
    }

    /** Lower case without accents or umlauts (both spellings: "Österreich", "Osterreich", "Oesterreich" meet in "osterreich"). */
    static String folded(String text) {
        String s = Normalizer.normalize(
                        text.strip().toLowerCase(java.util.Locale.ROOT).replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return s.replace("ae", "a")
                .replace("oe", "o")
                .replace("ue", "u")
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
    }
}
