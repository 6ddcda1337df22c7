package org.attain.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.attain.access.ApiTokens;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.access.Role;
import org.attain.access.UserAccounts;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API tokens, user roles and the audit log over REST. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Access", description = "API tokens, roles and the audit log")
class AccessApi {

    private final ApiTokens tokens;
    private final UserAccounts users;
    private final AuditLog audit;

    AccessApi(ApiTokens tokens, UserAccounts users, AuditLog audit) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
    }

    record NewToken(
            @NotBlank @Size(max = 100) String name,
            @NotEmpty Set<String> scopes) {}

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API token for yourself; the secret is in this response only")
    ApiTokens.Created create(@AuthenticationPrincipal AttainUser user, @Valid @RequestBody NewToken body) {
        if (!ApiTokens.KNOWN_SCOPES.containsAll(body.scopes())) {
            throw new InvalidInputException(
                    new FieldProblem("scopes", "tokens.scopes", "must be among " + ApiTokens.KNOWN_SCOPES));
        }
        if (user.tokenScopes() != null) {
            throw new ForbiddenException("A token cannot create tokens; log in to create one.");
        }
        return tokens.create(user, body.name().trim(), body.scopes());
    }

    @GetMapping("/tokens")
    List<ApiTokens.TokenInfo> list(@AuthenticationPrincipal AttainUser user) {
        return tokens.listFor(user);
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your tokens")
    void revoke(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        if (!tokens.revoke(user, id)) {
            throw new NotFoundException("live token", id);
        }
    }

    record RolesBody(@NotEmpty Set<Role> roles) {}

    @PutMapping("/users/{id}/roles")
    @Operation(summary = "Replace a user's roles (admin only); audited with before and after")
    Set<Role> roles(
            @AuthenticationPrincipal AttainUser user, @PathVariable long id, @Valid @RequestBody RolesBody body) {
        if (!user.has(Role.ADMIN)) {
            throw new ForbiddenException("Only admins change roles.");
        }
        users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        users.changeRoles(id, EnumSet.copyOf(body.roles()), user.getUsername());
        return users.rolesOf(id);
    }

    @GetMapping("/audit")
    @Operation(summary = "The audit log, newest first (admin, comp admin)")
    List<AuditLog.Entry> audit(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType,
            @RequestParam(defaultValue = "100") int limit) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins read the audit log.");
        }
        return audit.search(actor, action, entityType, Math.min(Math.max(limit, 1), 1000));
    }
}
