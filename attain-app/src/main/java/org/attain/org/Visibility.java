package org.attain.org;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.attain.access.AttainUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one rule of who sees whose person and pay data: a rep sees themself, a manager their
 * reporting subtree as of today, admin / comp admin / finance everyone. Every page and endpoint
 * that shows a person's data asks here; nothing else decides. It lives in org because the reporting
 * tree is org's; access only knows users and roles.
 */
@Service
public class Visibility {

    private final JdbcClient jdbc;
    private final Clock clock;

    Visibility(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean canSee(AttainUser user, long personId) {
        if (user.seesEveryone()) {
            return true;
        }
        if (user.personId() == null) {
            return false;
        }
        if (user.personId() == personId) {
            return true;
        }
        return jdbc.sql(SUBTREE_SQL + " select exists(select 1 from subtree where person_id = :target)")
                .param("root", user.personId())
                .param("day", today())
                .param("target", personId)
                .query(Boolean.class)
                .single();
    }

    /** The people this user may see, or {@link PersonScope#everyone()} when the role sees all. */
    public PersonScope scopeOf(AttainUser user) {
        if (user.seesEveryone()) {
            return PersonScope.everyone();
        }
        if (user.personId() == null) {
            return PersonScope.of(Set.of());
        }
        return PersonScope.of(subtree(user.personId(), today()));
    }

    /** The person and everyone below them on the given day. */
    public Set<Long> subtree(long rootPersonId, LocalDate day) {
        return new TreeSet<>(jdbc.sql(SUBTREE_SQL + " select person_id from subtree")
                .param("root", rootPersonId)
                .param("day", day)
                .query(Long.class)
                .list());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // The reporting lines in force on :day, walked down from :root. UNION (not UNION ALL) stops
    // a bad cycle in imported data from looping forever.
    private static final String SUBTREE_SQL = """
            with recursive subtree(person_id) as (
                select cast(:root as bigint)
                union
                select rl.person_id from reporting_line rl join subtree s on rl.manager_id = s.person_id
                where rl.valid_from <= :day and (rl.valid_until is null or rl.valid_until > :day)
            )""";
}
