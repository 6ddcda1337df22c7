package org.attain.demo;

/** Kind of deal; {@link #code()} is the text stored in {@code deal_type}. */
public enum DealType {
    NEW_LOGO("new_logo"),
    EXPANSION("expansion"),
    RENEWAL("renewal");

    private final String code;

    DealType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
