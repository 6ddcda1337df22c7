package org.attain.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts as an identity provider provisions them (SCIM): create, rename, (de)activate, delete, and
 * the roles as groups. Deactivating or deleting ends the account's sessions and revokes its tokens.
 * Provisioned accounts have no password; they log in through single sign-on.
 */
@Service
public class Provisioning {

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final UserSessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    Provisioning(JdbcClient jdbc, UserAccounts users, UserSessions sessions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    public record Account(
            long id,
            String userName,
            String externalId,
            boolean active,
            Long personId,
            Set<Role> roles,
            Instant created) {}

    private record Row(
            long id, String username, String externalId, boolean enabled, Long personId, Timestamp createdAt) {}

    private static final String SELECT =
            "select id, username, external_id, enabled, person_id, created_at from app_user where deleted_at is null";

    public List<Account> list(String userNameEquals) {
        var sql = userNameEquals == null
                ? jdbc.sql(SELECT + " order by id")
                : jdbc.sql(SELECT + " and lower(username) = lower(:u) order by id")
                        .param("u", userNameEquals);
        return sql.query(Row.class).list().stream().map(this::account).toList();
    }

    public Optional<Account> get(long id) {
        return jdbc.sql(SELECT + " and id = :id")
                .param("id", id)
                .query(Row.class)
                .optional()
                .map(this::account);
    }

    public boolean userNameTaken(String userName, Long exceptId) {
        return jdbc.sql("select exists(select 1 from app_user where lower(username) = lower(:u) and id <> :id)")
                .param("u", userName)
                .param("id", exceptId == null ? -1L : exceptId)
                .query(Boolean.class)
                .single();
    }

    @Transactional
    public Account create(String userName, String externalId, boolean active, String personKey, String actor) {
        Long personId = users.personByEmailOrEmployeeId(personKey).orElse(null);
        long id = users.createWithoutPassword(userName, personId, Set.of(), externalId, actor);
        if (!active) {
            setActive(id, false, actor);
        }
        return get(id).orElseThrow();
    }

    @Transactional
    public Account replace(
            long id, String userName, String externalId, boolean active, String personKey, String actor) {
        Account before = get(id).orElseThrow();
        Long personId = users.personByEmailOrEmployeeId(personKey).orElse(before.personId());
        jdbc.sql("update app_user set username = :u, external_id = :x, person_id = :p where id = :id")
                .param("u", userName)
                .param("x", externalId)
                .param("p", personId)
                .param("id", id)
                .update();
        if (!before.userName().equals(userName)) {
            audit.record(
                    actor,
                    "USER_RENAMED",
                    "user",
                    Long.toString(id),
                    Map.of("username", before.userName()),
                    Map.of("username", userName));
        }
        if (before.active() != active) {
            setActive(id, active, actor);
        }
        return get(id).orElseThrow();
    }

    /** Deactivating ends the account's sessions and revokes its API tokens at once. */
    @Transactional
    public void setActive(long id, boolean active, String actor) {
        int n = jdbc.sql("update app_user set enabled = :e where id = :id and enabled <> :e")
                .param("e", active)
                .param("id", id)
                .update();
        if (n > 0) {
            audit.record(actor, active ? "USER_ACTIVATED" : "USER_DEACTIVATED", "user", Long.toString(id), null, null);
        }
        if (!active) {
            sessions.endAll(id, actor);
        }
    }

    /** Deleted accounts are disabled, hold no roles and are no longer listed; the name stays reserved. */
    @Transactional
    public void delete(long id, String actor) {
        setActive(id, false, actor);
        jdbc.sql("delete from user_role where user_id = :id").param("id", id).update();
        jdbc.sql("update app_user set deleted_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        audit.record(actor, "USER_DELETED", "user", Long.toString(id), null, null);
    }

    /** The live accounts holding a role, by id. */
    public List<Account> members(Role role) {
        return jdbc
                .sql(SELECT + " and id in (select user_id from user_role where role = :r) order by id")
                .param("r", role.name())
                .query(Row.class)
                .list()
                .stream()
                .map(this::account)
                .toList();
    }

    @Transactional
    public void addMember(Role role, long userId, String actor) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(users.rolesOf(userId));
        if (roles.add(role)) {
            users.changeRoles(userId, roles, actor);
        }
    }

    @Transactional
    public void removeMember(Role role, long userId, String actor) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(users.rolesOf(userId));
        if (roles.remove(role)) {
            users.changeRoles(userId, roles, actor);
        }
    }

    private Account account(Row r) {
        return new Account(
                r.id(),
                r.username(),
                r.externalId(),
                r.enabled(),
                r.personId(),
                users.rolesOf(r.id()),
                r.createdAt() == null ? null : r.createdAt().toInstant());
    }
}
