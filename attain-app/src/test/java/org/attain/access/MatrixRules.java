package org.attain.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The declared rule table ({@code access-matrix.tsv} beside this class): per method and path pattern, who
 * may call it. {@code public}: anyone, logged in or not; {@code users}: anyone logged in; otherwise the
 * roles that may, comma-separated ({@code admin,compadmin,finance,manager,rep}); {@code nobody}: no demo
 * role; {@code scim}: only an API token of scope {@code scim} (SCIM 2.0 provisioning); {@code secret}: no login,
 * the secret in the path is the key (TV screens), so the matrix, knowing none, expects everyone refused. A {@code person} endpoint is further limited to the caller's own data (rep), their reporting
 * subtree (manager) or everyone (admin, compadmin, finance). API tokens act as their owner (admin) on
 * the API, a read token only reading; pages never accept a token.
 */
final class MatrixRules {

    static final List<String> ROLES = List.of("rep", "manager", "finance", "compadmin", "admin");

    record Rule(
            String method,
            String pattern,
            Set<String> allowed,
            boolean anonymous,
            boolean scim,
            boolean secret,
            boolean participants) {

        boolean allows(String role) {
            return allowed.contains(role);
        }

        String allowedText() {
            if (anonymous) {
                return "public";
            }
            if (scim) {
                return "scim";
            }
            if (secret) {
                return "secret";
            }
            if (allowed.containsAll(ROLES)) {
                return "users";
            }
            return (allowed.isEmpty() ? "nobody" : String.join(",", ordered(allowed)))
                    + (participants ? "+participants" : "");
        }
    }

    private final Map<String, Rule> rules = new LinkedHashMap<>();

    static MatrixRules load() {
        MatrixRules table = new MatrixRules();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(MatrixRules.class.getResourceAsStream("access-matrix.tsv")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                table.add(parse(f[0], f[1], f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    static Rule parse(String method, String pattern, String allowed) {
        return switch (allowed) {
            case "public" -> new Rule(method, pattern, Set.copyOf(ROLES), true, false, false, false);
            case "users" -> new Rule(method, pattern, Set.copyOf(ROLES), false, false, false, false);
            case "nobody" -> new Rule(method, pattern, Set.of(), false, false, false, false);
            case "scim" -> new Rule(method, pattern, Set.of(), false, true, false, false);
            case "secret" -> new Rule(method, pattern, Set.of(), false, false, true, false);
            default -> {
                // "roles+participants": the roles always; anyone else only where they take part (a contest), which
                // the matrix does not know, so their answer is checked for errors and leaks, not for let in or not.
                boolean participants = allowed.endsWith("+participants");
                String listed =
                        participants ? allowed.substring(0, allowed.length() - "+participants".length()) : allowed;
                Set<String> roles = Set.copyOf(Arrays.asList(listed.split(",")));
                if (!ROLES.containsAll(roles)) {
                    throw new IllegalArgumentException("unknown role in " + method + " " + pattern + ": " + allowed);
                }
                yield new Rule(method, pattern, roles, false, false, false, participants);
            }
        };
    }

    private void add(Rule rule) {
        if (rules.put(rule.method() + " " + rule.pattern(), rule) != null) {
            throw new IllegalStateException("declared twice: " + rule.method() + " " + rule.pattern());
        }
    }

    Rule find(String method, String pattern) {
        return rules.get(method + " " + pattern);
    }

    Set<String> declared() {
        return rules.keySet();
    }

    static List<String> ordered(Set<String> roles) {
        return ROLES.stream().filter(roles::contains).toList();
    }

    static Set<String> sorted(Set<String> s) {
        return new TreeSet<>(s);
    }
}
