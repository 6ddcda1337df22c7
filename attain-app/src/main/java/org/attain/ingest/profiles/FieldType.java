package org.attain.ingest.profiles;

/**
 * What a canonical field holds, which decides how its cell text is read and checked. Reference
 * types name another record (a person, a team …) and are resolved to its id, with the closest
 * known value suggested when the name is unknown.
 */
public enum FieldType {
    TEXT("text"),
    EMAIL("e-mail address"),
    DATE("date in the profile's date pattern"),
    TIMESTAMP("date and time, ISO 2026-03-05T14:30:00Z, or a date"),
    DECIMAL("number in the profile's number style"),
    POSITIVE_DECIMAL("number above zero"),
    SHARE("share 0..1 or a percentage such as 40%"),
    INTEGER("whole number"),
    BOOLEAN("true or false (yes/no, 1/0)"),
    CURRENCY("ISO currency code such as USD"),
    COUNTRY("ISO country code such as DE"),
    CHOICE("one of a fixed list"),
    PERSON("person: employee id, e-mail or name, as people.match says"),
    TEAM("team code or name"),
    REGION("region code or name"),
    ACCOUNT("account external id"),
    PRODUCT("product code or name from the catalogue"),
    PERIOD("period id such as 2026-Q1"),
    OPPORTUNITY("opportunity external id of the same source");

    final String words;

    FieldType(String words) {
        this.words = words;
    }

    /** The German words for the page; the English ones above go into profiles and error messages. */
    public String key() {
        return "ingest.type." + name();
    }
}
