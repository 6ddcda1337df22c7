package org.attain.engine.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Text documents broken the ways people and programs break them: a character typed, lost or doubled, a line
 * cut or repeated, indentation shifted, the file saved as UTF-16 or Latin-1 and read as UTF-8, a BOM or a
 * NUL in it, nesting thousands deep, a value of a megabyte. Built from good documents, so most of a broken
 * one is still valid and the parser is exercised past its first line.
 */
public final class BadText {

    /** Characters that mean something to YAML, CEL, CSV or JSON, and some that mean trouble to anyone. */
    public static final String NASTY = "{}[]:,-'\"&*!|>%@`#?=+\\ \t\n\r\u0000\uFEFF\u00e9\u00df\u20ac\ud83d\ude00"
            + "\ud800\u202e<>/;()$.0123456789eE_";

    private BadText() {}

    /** One of the given documents, damaged one to five times. */
    public static Arbitrary<String> damaged(List<String> documents) {
        Arbitrary<String> base = Arbitraries.of(documents);
        return Combinators.combine(base, Arbitraries.integers().between(1, 5), Arbitraries.longs())
                .as((text, times, seed) -> {
                    java.util.Random random = new java.util.Random(seed);
                    String out = text;
                    for (int i = 0; i < times; i++) {
                        out = damage(out, random);
                    }
                    return out;
                });
    }

    /** Any string at all from the characters that mean something to a parser. */
    public static Arbitrary<String> noise() {
        return Arbitraries.strings().withChars(NASTY.toCharArray()).ofMaxLength(200);
    }

    /** {@code depth} nested openings (and closings) around {@code inner}: [[[[x]]]], ((((1)))), {a: {a: …}}. */
    public static String nested(String open, String inner, String close, int depth) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    static String damage(String text, java.util.Random random) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        List<String> lines = text.lines().toList();
        return switch (random.nextInt(12)) {
            case 0 -> text.substring(0, at) + nasty(random) + text.substring(at);
            case 1 -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
            case 2 -> at < text.length() ? text.substring(0, at) + nasty(random) + text.substring(at + 1) : text;
            case 3 -> text.substring(0, at);
            case 4 -> lineRepeated(lines, random);
            case 5 -> lineShifted(lines, random);
            case 6 -> new String(text.getBytes(StandardCharsets.UTF_16), StandardCharsets.UTF_8);
            case 7 -> new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            case 8 -> "\uFEFF" + text;
            case 9 -> text.substring(0, at) + "\u0000" + text.substring(at);
            case 10 -> text.substring(0, at) + "x".repeat(1 + random.nextInt(200_000)) + text.substring(at);
            default -> text.substring(0, at) + nested("[", "1", "]", 1 + random.nextInt(3_000)) + text.substring(at);
        };
    }

    private static String nasty(java.util.Random random) {
        return String.valueOf(NASTY.charAt(random.nextInt(NASTY.length())));
    }

    private static String lineRepeated(List<String> lines, java.util.Random random) {
        if (lines.isEmpty()) {
            return "";
        }
        int i = random.nextInt(lines.size());
        var out = new java.util.ArrayList<>(lines);
        out.add(i, lines.get(i));
        return String.join("\n", out);
    }

    private static String lineShifted(List<String> lines, java.util.Random random) {
        if (lines.isEmpty()) {
            return "";
        }
        int i = random.nextInt(lines.size());
        var out = new java.util.ArrayList<>(lines);
        out.set(i, (random.nextBoolean() ? "  " : "") + lines.get(i).stripLeading());
        return String.join("\n", out);
    }
}
