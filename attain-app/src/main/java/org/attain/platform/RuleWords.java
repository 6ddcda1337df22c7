package org.attain.platform;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * A plan rule (a CEL condition such as {@code deal.type == 'new_logo' && deal.amount >= 10000}) said in
 * words beside its expression: "deal type is new_logo and deal amount ≥ 10,000 (deal.type == …)". Only
 * the plain shapes plans use are put into words (fields, comparisons, and/or/not, {@code in} a list,
 * literals); an expression with anything else (a function call, arithmetic) is shown as it is written.
 */
final class RuleWords {

    private static final String PREFIX = "words.rule.";
    private static final Map<String, String> OPERATORS = Map.of(
            "==", "is", "!=", "isNot", ">=", "atLeast", "<=", "atMost", ">", "above", "<", "below", "&&", "and", "||",
            "or", "!", "not", "in", "in");

    private final MessageSource messages;

    RuleWords(MessageSource messages) {
        this.messages = messages;
    }

    /** The rule in words followed by its expression in brackets, or the expression alone when it has no plain words. */
    String inWords(String expression, Locale locale) {
        if (expression == null || expression.isBlank()) {
            return expression == null ? "" : expression;
        }
        List<String> tokens = tokens(expression.strip());
        if (tokens == null) {
            return expression;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String word = word(t, i + 1 < tokens.size() ? tokens.get(i + 1) : null, locale);
            if (word == null) {
                return expression;
            }
            if (!out.isEmpty() && !t.equals(",") && !t.equals(")") && !t.equals("]") && !endsWithOpening(out)) {
                out.append(' ');
            }
            out.append(word);
        }
        return messages.getMessage(PREFIX + "beside", new Object[] {out.toString(), expression.strip()}, locale);
    }

    private static boolean endsWithOpening(StringBuilder out) {
        char last = out.charAt(out.length() - 1);
        return last == '(' || last == '[';
    }

    private String word(String token, String next, Locale locale) {
        char c = token.charAt(0);
        if (OPERATORS.containsKey(token)) {
            return msg(OPERATORS.get(token), locale, token);
        }
        if (c == '\'' || c == '"') {
            return token.substring(1, token.length() - 1);
        }
        if (Character.isDigit(c) || c == '-' && token.length() > 1) {
            if (!token.matches("-?[0-9]+(\\.[0-9]+)?")) {
                return null;
            }
            NumberFormat f = NumberFormat.getNumberInstance(locale);
            f.setMaximumFractionDigits(6);
            return f.format(new BigDecimal(token));
        }
        if ("(),[]".indexOf(c) >= 0) {
            return token;
        }
        if ("(".equals(next)) {
            return null; // a function call: not a plain shape
        }
        if (token.equals("true") || token.equals("false")) {
            return msg(token, locale, token);
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return msg("field." + token, locale, token.replace('_', ' '));
        }
        String object = token.substring(0, dot);
        String field = token.substring(dot + 1);
        if (field.contains(".")) {
            return null;
        }
        String fieldWords = msg("field." + field, locale, field.replace('_', ' '));
        return messages.getMessage(
                PREFIX + "of", new Object[] {msg("object." + object, locale, object), fieldWords}, locale);
    }

    private String msg(String key, Locale locale, String fallback) {
        return messages.getMessage(PREFIX + key, null, fallback, locale);
    }

    /** The expression's tokens, or null when it has a character no plain rule has. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    return null;
                }
                out.add(s.substring(i, end + 1));
                i = end + 1;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < s.length()
                        && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (i + 1 < s.length() && OPERATORS.containsKey(s.substring(i, i + 2))) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else if ("<>!(),[]".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                return null;
            }
        }
        return out;
    }
}
