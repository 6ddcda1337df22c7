package org.attain.platform;

/** A list's search box as SQL reads it: trimmed (blank = no search) and as an {@code ilike} pattern. */
public final class SearchText {

    private SearchText() {}

    /** The typed text trimmed, "" when nothing was typed. */
    public static String of(String typed) {
        return typed == null ? "" : typed.strip();
    }

    /** {@code %text%} with the pattern's own characters escaped, for {@code ilike :like}. */
    public static String like(String typed) {
        return "%" + of(typed).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
