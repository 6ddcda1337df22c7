package org.attain.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts and their roles. Role changes are written to the audit log. */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Override
    public AttainUser loadUserByUsername(String username) {
        // A single sign-on or provisioned account has no password: it never passes form login.
        return find(username)
                .filter(u -> u.getPassword() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    public Optional<AttainUser> find(String username) {
        return jdbc.sql("select id from app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .optional()
                .flatMap(this::findById);
    }

    public Optional<AttainUser> findById(long userId) {
        record Row(long id, String username, String passwordHash, Long personId, boolean enabled) {}
        return jdbc.sql("select id, username, password_hash, person_id, enabled from app_user where id = :id")
                .param("id", userId)
                .query(Row.class)
                .optional()
                .map(r -> new AttainUser(
                        r.id(), r.username(), r.passwordHash(), r.personId(), rolesOf(r.id()), r.enabled(), null));
    }

    public Set<Role> rolesOf(long userId) {
        List<String> names = jdbc.sql("select role from user_role where user_id = :id order by role")
                .param("id", userId)
                .query(String.class)
                .list();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }

    public boolean anyUserExists() {
        return jdbc.sql("select exists(select 1 from app_user)")
                .query(Boolean.class)
                .single();
    }

    @Transactional
    public long create(String username, String rawPassword, Long personId, Set<Role> roles, String actor) {
        return insert(username, encoder.encode(rawPassword), personId, roles, null, actor);
    }

    /** An account without a password (single sign-on, SCIM), created with the given roles. Returns its id. */
    @Transactional
    public long createWithoutPassword(
            String username, Long personId, Set<Role> roles, String externalId, String actor) {
        return insert(username, null, personId, roles, externalId, actor);
    }

    private long insert(
            String username, String passwordHash, Long personId, Set<Role> roles, String externalId, String actor) {
        long id = jdbc.sql("""
                insert into app_user(username, password_hash, person_id, external_id)
                values (:u, :p, :person, :x) returning id""")
                .param("u", username)
                .param("p", passwordHash)
                .param("person", personId)
                .param("x", externalId)
                .query(Long.class)
                .single();
        roles.forEach(r -> jdbc.sql("insert into user_role(user_id, role) values (:id, :r)")
                .param("id", id)
                .param("r", r.name())
                .update());
        audit.record(
                actor,
                "USER_CREATED",
                "user",
                username,
                null,
                java.util.Map.of(
                        "username",
                        username,
                        "roles",
                        roles.stream().map(Enum::name).sorted().toList()));
        return id;
    }

    /** Links an account to a person (or unlinks it with null). */
    public void linkPerson(long userId, Long personId) {
        jdbc.sql("update app_user set person_id = :p where id = :id")
                .param("p", personId)
                .param("id", userId)
                .update();
    }

    /** The person whose e-mail or employee id is the given value, compared without case (org's published view). */
    public Optional<Long> personByEmailOrEmployeeId(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id from org_person_v where lower(email) = lower(:v) or lower(external_id) = lower(:v)
                order by id limit 1""").param("v", value.trim()).query(Long.class).optional();
    }

    @Transactional
    public void changeRoles(long userId, Set<Role> newRoles, String actor) {
        Set<Role> before = rolesOf(userId);
        jdbc.sql("delete from user_role where user_id = :id")
                .param("id", userId)
                .update();
        newRoles.forEach(r -> jdbc.sql("insert into user_role(user_id, role) values (:id, :r)")
                .param("id", userId)
                .param("r", r.name())
                .update());
        audit.record(
                actor,
                "ROLES_CHANGED",
                "user",
                Long.toString(userId),
                java.util.Map.of(
                        "roles", before.stream().map(Enum::name).sorted().toList()),
                java.util.Map.of(
                        "roles", newRoles.stream().map(Enum::name).sorted().toList()));
    }

    public void setLocale(long userId, String locale) {
        jdbc.sql("update app_user set locale = :l where id = :id")
                .param("l", locale)
                .param("id", userId)
                .update();
    }

    public Optional<String> localeOf(long userId) {
        return jdbc.sql("select locale from app_user where id = :id")
                .param("id", userId)
                .query(String.class)
                .optional();
    }
}
