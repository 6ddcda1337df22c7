package org.attain.access;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password set in Attain (not through single sign-on) must be: at least 12 characters, not the
 * user name (nor contain it), and not one of the commonly used passwords. Answers a message key
 * (EN/DE in the bundles) when a password falls short. Hashing is the {@code DelegatingPasswordEncoder}'s
 * default, bcrypt ({@code {bcrypt}$2a$10$…}).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    /** Among the most used passwords of 12 characters or more (public breach lists), lower-cased. */
    private static final Set<String> COMMON = Set.of(
            "123456789012",
            "1234567890123",
            "12345678910",
            "123456789abc",
            "1q2w3e4r5t6y",
            "1qaz2wsx3edc",
            "qwertyuiopas",
            "qwertyuiop123",
            "qwerty123456",
            "password1234",
            "password123!",
            "passwort1234",
            "passwordpassword",
            "iloveyou1234",
            "administrator",
            "administrator1",
            "welcome12345",
            "willkommen123",
            "letmein12345",
            "changeme1234",
            "aaaaaaaaaaaa",
            "abcdefghijkl",
            "abc123abc123",
            "monkey123456",
            "football1234",
            "baseball1234",
            "sunshine1234",
            "princess1234",
            "superman1234",
            "trustno1trustno1",
            "correcthorsebatterystaple",
            "attainattain",
            "attain123456",
            "commission123");

    private PasswordPolicy() {}

    /** The message key of the first rule the password breaks, if any. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && (lower.equals(name) || lower.contains(name) && name.length() >= 4)) {
            return Optional.of("password.containsUsername");
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() <= 2) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }
}
