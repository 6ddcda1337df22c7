package org.attain.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in principal: a user account, the person it belongs to (if any) and its roles.
 * {@code tokenScopes} is null for a browser session and holds the scopes of an API token otherwise.
 */
public final class AttainUser implements UserDetails, CredentialsContainer {

    private final long userId;
    private final String username;
    private String passwordHash;
    private final Long personId;
    private final Set<Role> roles;
    private final boolean enabled;
    private final Set<String> tokenScopes;

    public AttainUser(
            long userId,
            String username,
            String passwordHash,
            Long personId,
            Set<Role> roles,
            boolean enabled,
            Set<String> tokenScopes) {
        this.userId = userId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.personId = personId;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.enabled = enabled;
        this.tokenScopes = tokenScopes;
    }

    public long userId() {
        return userId;
    }

    public Long personId() {
        return personId;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean seesEveryone() {
        return roles.stream().anyMatch(Role::seesEveryone);
    }

    public Set<String> tokenScopes() {
        return tokenScopes;
    }

    public AttainUser withTokenScopes(Set<String> scopes) {
        return new AttainUser(userId, username, null, personId, roles, enabled, Set.copyOf(scopes));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> list = new java.util.ArrayList<>();
        roles.forEach(r -> list.add(new SimpleGrantedAuthority(r.authority())));
        return list;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttainUser other && other.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "AttainUser[" + username + "]";
    }
}
