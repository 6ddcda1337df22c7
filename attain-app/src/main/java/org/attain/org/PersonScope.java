package org.attain.org;

import java.util.Set;

/** The set of people a user may see: everyone, or an explicit set of person ids. */
public record PersonScope(boolean all, Set<Long> personIds) {

    public static PersonScope everyone() {
        return new PersonScope(true, Set.of());
    }

    public static PersonScope of(Set<Long> ids) {
        return new PersonScope(false, Set.copyOf(ids));
    }

    public boolean includes(long personId) {
        return all || personIds.contains(personId);
    }

    /** For SQL: an array of ids, or null meaning "no restriction". */
    public Long[] idsOrNull() {
        return all ? null : personIds.toArray(Long[]::new);
    }
}
