package org.attain.ingest.lookup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.ingest.profiles.PeopleMatch;

/**
 * The people and accounts a file may refer to, at hand for the whole import so each row resolves its
 * references with a hash lookup. A miss is answered with the closest known value as a suggestion.
 */
public final class Directory {

    public record PersonRef(long id, String externalId, String email, String fullName) {}

    /** A resolved reference: an id, or a reason with an optional suggestion. */
    public record Resolution(Long id, String reason, String suggestion) {
        public boolean found() {
            return id != null;
        }
    }

    /**
     * Everyone indexed by employee id, e-mail and name. Built once per version of the people (see
     * {@link References}) and only read afterwards, so imports running at the same time share it.
     */
    static final class People {
        private final Map<String, Long> byExternalId = new HashMap<>();
        private final Map<String, Long> byEmail = new HashMap<>();
        private final Map<String, List<Long>> byName = new HashMap<>();
        private final Map<String, String> display = new HashMap<>();

        People(List<PersonRef> people) {
            for (PersonRef p : people) {
                byExternalId.put(p.externalId(), p.id());
                byEmail.put(p.email().toLowerCase(Locale.ROOT), p.id());
                byName.computeIfAbsent(normal(p.fullName()), k -> new ArrayList<>())
                        .add(p.id());
                String shown = p.fullName() + " (" + p.externalId() + ")";
                display.put(p.externalId(), shown);
                display.put(p.email(), p.email());
                display.put(p.fullName(), shown);
            }
        }
    }

    private final List<PeopleMatch> match;
    private final Map<String, Long> byExternalId;
    private final Map<String, Long> byEmail;
    private final Map<String, List<Long>> byName;
    private final Map<String, String> display;
    private final Map<String, Long> accounts;

    public Directory(List<PersonRef> people, List<PeopleMatch> match, Map<String, Long> accounts) {
        this(new People(people), match, accounts);
    }

    /** @param accounts account external id to id; read only */
    Directory(People people, List<PeopleMatch> match, Map<String, Long> accounts) {
        this.match = match;
        this.accounts = accounts;
        this.byExternalId = people.byExternalId;
        this.byEmail = people.byEmail;
        this.byName = people.byName;
        this.display = people.display;
    }

    public Resolution person(String value, String what) {
        String v = value.trim();
        for (PeopleMatch m : match) {
            switch (m) {
                case EMPLOYEE_ID -> {
                    Long id = byExternalId.get(v);
                    if (id != null) {
                        return new Resolution(id, null, null);
                    }
                }
                case EMAIL -> {
                    Long id = byEmail.get(v.toLowerCase(Locale.ROOT));
                    if (id != null) {
                        return new Resolution(id, null, null);
                    }
                }
                case NAME -> {
                    List<Long> ids = byName.get(normal(v));
                    if (ids != null && ids.size() == 1) {
                        return new Resolution(ids.get(0), null, null);
                    }
                    if (ids != null) {
                        return new Resolution(
                                null,
                                what + " '" + v + "' matches " + ids.size()
                                        + " people by name; use the employee id or e-mail",
                                null);
                    }
                }
            }
        }
        return new Resolution(
                null, "unknown " + what + " '" + v + "' (matched by " + matchWords() + ")", suggestPerson(v));
    }

    public Resolution account(String value) {
        String v = value.trim();
        Long id = accounts.get(v);
        if (id != null) {
            return new Resolution(id, null, null);
        }
        return new Resolution(null, "unknown account '" + v + "'", Closest.to(v, accounts.keySet()));
    }

    private String suggestPerson(String value) {
        List<String> known = new ArrayList<>();
        for (PeopleMatch m : match) {
            switch (m) {
                case EMPLOYEE_ID -> known.addAll(byExternalId.keySet());
                case EMAIL ->
                    display.keySet().stream().filter(k -> k.contains("@")).forEach(known::add);
                case NAME ->
                    display.keySet().stream()
                            .filter(k -> k.contains(" ") && !k.contains("@"))
                            .forEach(known::add);
            }
        }
        String best = Closest.to(value, known);
        return best == null ? null : display.get(best);
    }

    private String matchWords() {
        return String.join(
                " or ",
                match.stream()
                        .map(m -> m.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .toList());
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static String normal(String name) {
        return SPACES.matcher(name.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
