package org.attain.access.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.access.AttainUser;
import org.attain.access.Provisioning;
import org.attain.access.Provisioning.Account;
import org.attain.access.Role;
import org.attain.access.SsoSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SCIM 2.0 (RFC 7643/7644) for identity providers: Users (list with {@code filter=userName eq "…"}, get,
 * create, replace, patch, delete) and Groups, which are Attain's roles (a group's id is the role's name;
 * a group created under a name {@code attain.sso.role-mapping} knows is that role). Answers in
 * application/scim+json; errors in SCIM's error format. Reached only with an admin's token that has the
 * 'scim' scope (access.ScimTokenFilter).
 */
@RestController
@RequestMapping(
        value = "/scim/v2",
        produces = {"application/scim+json", MediaType.APPLICATION_JSON_VALUE})
class ScimApi {

    static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");
    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final Pattern EQ_FILTER =
            Pattern.compile("^\\s*([A-Za-z.]+)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEMBER_PATH =
            Pattern.compile("^members\\[\\s*value\\s+eq\\s+\"([^\"]*)\"\\s*]$", Pattern.CASE_INSENSITIVE);

    private final Provisioning provisioning;
    private final SsoSettings sso;

    ScimApi(Provisioning provisioning, SsoSettings sso) {
        this.provisioning = provisioning;
        this.sso = sso;
    }

    /** A SCIM error: status, optional scimType, detail. */
    static final class ScimException extends RuntimeException {
        final int status;
        final String scimType;

        ScimException(int status, String scimType, String detail) {
            super(detail);
            this.status = status;
            this.scimType = scimType;
        }
    }

    // ---- Users

    @GetMapping("/Users")
    ResponseEntity<Object> users(
            @RequestParam(required = false) String filter,
            @RequestParam(defaultValue = "1") int startIndex,
            @RequestParam(required = false) Integer count,
            HttpServletRequest request) {
        String userName = null;
        if (filter != null && !filter.isBlank()) {
            Matcher m = EQ_FILTER.matcher(filter);
            if (!m.matches() || !m.group(1).equalsIgnoreCase("userName")) {
                throw new ScimException(400, "invalidFilter", "Only the filter userName eq \"…\" is supported.");
            }
            userName = m.group(2).replace("\\\"", "\"");
        }
        List<Object> all = new ArrayList<>();
        provisioning.list(userName).forEach(a -> all.add(user(a, request)));
        return scim(HttpStatus.OK, page(all, startIndex, count));
    }

    @GetMapping("/Users/{id}")
    ResponseEntity<Object> user(@PathVariable String id, HttpServletRequest request) {
        return scim(HttpStatus.OK, user(account(id), request));
    }

    @PostMapping(
            value = "/Users",
            consumes = {"application/scim+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Object> createUser(
            @AuthenticationPrincipal AttainUser actor,
            @RequestBody Map<String, Object> body,
            HttpServletRequest request) {
        String userName = userName(body);
        if (provisioning.userNameTaken(userName, null)) {
            throw new ScimException(409, "uniqueness", "A user named '" + userName + "' exists.");
        }
        Account created = provisioning.create(
                userName, text(body.get("externalId")), active(body, true), personKey(body), actorOf(actor));
        Map<String, Object> json = user(created, request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .contentType(SCIM_JSON)
                .header("Location", location(request, "Users", Long.toString(created.id())))
                .body(json);
    }

    @PutMapping(
            value = "/Users/{id}",
            consumes = {"application/scim+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Object> replaceUser(
            @AuthenticationPrincipal AttainUser actor,
            @PathVariable String id,
            @RequestBody Map<String, Object> body,
            HttpServletRequest request) {
        Account a = account(id);
        String userName = userName(body);
        if (provisioning.userNameTaken(userName, a.id())) {
            throw new ScimException(409, "uniqueness", "A user named '" + userName + "' exists.");
        }
        Account replaced = provisioning.replace(
                a.id(), userName, text(body.get("externalId")), active(body, true), personKey(body), actorOf(actor));
        return scim(HttpStatus.OK, user(replaced, request));
    }

    @PatchMapping(
            value = "/Users/{id}",
            consumes = {"application/scim+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Object> patchUser(
            @AuthenticationPrincipal AttainUser actor,
            @PathVariable String id,
            @RequestBody Map<String, Object> body,
            HttpServletRequest request) {
        Account a = account(id);
        String userName = a.userName();
        String externalId = a.externalId();
        boolean active = a.active();
        for (Map<String, Object> op : operations(body)) {
            String kind = text(op.get("op"));
            if (kind == null || !(kind.equalsIgnoreCase("replace") || kind.equalsIgnoreCase("add"))) {
                throw new ScimException(400, "invalidValue", "Users take 'replace' and 'add' operations.");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            String path = text(op.get("path"));
            if (path == null) {
                if (!(op.get("value") instanceof Map<?, ?> m)) {
                    throw new ScimException(400, "invalidValue", "An operation without a path needs an object value.");
                }
                m.forEach((k, v) -> values.put(String.valueOf(k), v));
            } else {
                values.put(path, op.get("value"));
            }
            for (var e : values.entrySet()) {
                switch (e.getKey().toLowerCase(Locale.ROOT)) {
                    case "active" -> active = bool(e.getValue());
                    case "username" -> userName = requireText(e.getValue(), "userName");
                    case "externalid" -> externalId = text(e.getValue());
                    default -> throw new ScimException(400, "invalidPath", "Cannot change '" + e.getKey() + "'.");
                }
            }
        }
        if (provisioning.userNameTaken(userName, a.id())) {
            throw new ScimException(409, "uniqueness", "A user named '" + userName + "' exists.");
        }
        Account patched = provisioning.replace(a.id(), userName, externalId, active, null, actorOf(actor));
        return scim(HttpStatus.OK, user(patched, request));
    }

    @DeleteMapping("/Users/{id}")
    ResponseEntity<Void> deleteUser(@AuthenticationPrincipal AttainUser actor, @PathVariable String id) {
        provisioning.delete(account(id).id(), actorOf(actor));
        return ResponseEntity.noContent().build();
    }

    // ---- Groups (= roles)

    @GetMapping("/Groups")
    ResponseEntity<Object> groups(
            @RequestParam(required = false) String filter,
            @RequestParam(defaultValue = "1") int startIndex,
            @RequestParam(required = false) Integer count,
            HttpServletRequest request) {
        List<Role> roles = List.of(Role.values());
        if (filter != null && !filter.isBlank()) {
            Matcher m = EQ_FILTER.matcher(filter);
            if (!m.matches() || !m.group(1).equalsIgnoreCase("displayName")) {
                throw new ScimException(400, "invalidFilter", "Only the filter displayName eq \"…\" is supported.");
            }
            roles = roleNamed(m.group(2)).map(List::of).orElse(List.of());
        }
        List<Object> all = new ArrayList<>();
        roles.forEach(r -> all.add(group(r, request)));
        return scim(HttpStatus.OK, page(all, startIndex, count));
    }

    @GetMapping("/Groups/{id}")
    ResponseEntity<Object> group(@PathVariable String id, HttpServletRequest request) {
        return scim(HttpStatus.OK, group(role(id), request));
    }

    @PostMapping(
            value = "/Groups",
            consumes = {"application/scim+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Object> createGroup(
            @AuthenticationPrincipal AttainUser actor,
            @RequestBody Map<String, Object> body,
            HttpServletRequest request) {
        String name = requireText(body.get("displayName"), "displayName");
        Role role = roleNamed(name)
                .orElseThrow(() -> new ScimException(
                        400,
                        "invalidValue",
                        "No Attain role is named or mapped (attain.sso.role-mapping) as '" + name + "'."));
        setMembers(role, memberIds(body.get("members")), actorOf(actor));
        return ResponseEntity.status(HttpStatus.CREATED)
                .contentType(SCIM_JSON)
                .header("Location", location(request, "Groups", role.name()))
                .body(group(role, request));
    }

    @PutMapping(
            value = "/Groups/{id}",
            consumes = {"application/scim+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Object> replaceGroup(
            @AuthenticationPrincipal AttainUser actor,
            @PathVariable String id,
            @RequestBody Map<String, Object> body,
            HttpServletRequest request) {
        Role role = role(id);
        setMembers(role, memberIds(body.get("members")), actorOf(actor));
        return scim(HttpStatus.OK, group(role, request));
    }

    @PatchMapping(
            value = "/Groups/{id}",
            consumes = {"application/scim+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Object> patchGroup(
            @AuthenticationPrincipal AttainUser actor,
            @PathVariable String id,
            @RequestBody Map<String, Object> body,
            HttpServletRequest request) {
        Role role = role(id);
        String who = actorOf(actor);
        for (Map<String, Object> op : operations(body)) {
            String kind = String.valueOf(op.get("op")).toLowerCase(Locale.ROOT);
            String path = text(op.get("path"));
            Matcher one = path == null ? null : MEMBER_PATH.matcher(path);
            if (kind.equals("remove") && one != null && one.matches()) {
                provisioning.removeMember(role, account(one.group(1)).id(), who);
            } else if (path != null && !path.equalsIgnoreCase("members")) {
                throw new ScimException(400, "invalidPath", "Groups change only through 'members'.");
            } else {
                Object value = op.get("value");
                if (path == null && value instanceof Map<?, ?> m) {
                    value = m.get("members");
                }
                List<Long> ids = memberIds(value);
                switch (kind) {
                    case "add" -> ids.forEach(u -> provisioning.addMember(role, u, who));
                    case "remove" -> {
                        if (value == null) {
                            setMembers(role, List.of(), who);
                        } else {
                            ids.forEach(u -> provisioning.removeMember(role, u, who));
                        }
                    }
                    case "replace" -> setMembers(role, ids, who);
                    default -> throw new ScimException(400, "invalidValue", "Unknown operation '" + kind + "'.");
                }
            }
        }
        return scim(HttpStatus.OK, group(role, request));
    }

    @DeleteMapping("/Groups/{id}")
    ResponseEntity<Void> deleteGroup(@AuthenticationPrincipal AttainUser actor, @PathVariable String id) {
        setMembers(role(id), List.of(), actorOf(actor));
        return ResponseEntity.noContent().build();
    }

    // ---- Discovery

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<Object> serviceProviderConfig() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"));
        json.put("patch", Map.of("supported", true));
        json.put("bulk", Map.of("supported", false, "maxOperations", 0, "maxPayloadSize", 0));
        json.put("filter", Map.of("supported", true, "maxResults", 10_000));
        json.put("changePassword", Map.of("supported", false));
        json.put("sort", Map.of("supported", false));
        json.put("etag", Map.of("supported", false));
        json.put(
                "authenticationSchemes",
                List.of(Map.of(
                        "type", "oauthbearertoken",
                        "name", "Attain API token",
                        "description", "An admin's API token with the 'scim' scope, as Authorization: Bearer att_…")));
        return scim(HttpStatus.OK, json);
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<Object> resourceTypes() {
        List<Object> types = List.of(
                Map.of(
                        "schemas",
                        List.of("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
                        "id",
                        "User",
                        "name",
                        "User",
                        "endpoint",
                        "/Users",
                        "schema",
                        USER_SCHEMA,
                        "schemaExtensions",
                        List.of(Map.of("schema", ENTERPRISE, "required", false))),
                Map.of(
                        "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
                        "id", "Group",
                        "name", "Group",
                        "endpoint", "/Groups",
                        "schema", GROUP_SCHEMA));
        return scim(HttpStatus.OK, page(types, 1, null));
    }

    @GetMapping("/Schemas")
    ResponseEntity<Object> schemas() {
        List<Object> schemas = List.of(
                schema(
                        USER_SCHEMA,
                        "User",
                        List.of(
                                attribute("userName", "string", true, "readWrite", "server"),
                                attribute("externalId", "string", false, "readWrite", "none"),
                                attribute("active", "boolean", false, "readWrite", "none"),
                                attribute("emails", "complex", false, "writeOnly", "none"),
                                attribute("groups", "complex", false, "readOnly", "none"))),
                schema(
                        GROUP_SCHEMA,
                        "Group",
                        List.of(
                                attribute("displayName", "string", true, "readOnly", "server"),
                                attribute("members", "complex", false, "readWrite", "none"))));
        return scim(HttpStatus.OK, page(schemas, 1, null));
    }

    // ---- Errors

    @ExceptionHandler(ScimException.class)
    ResponseEntity<Object> scimError(ScimException e) {
        return error(e.status, e.scimType, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        return error(400, "invalidSyntax", "The request body is not a JSON object.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(415, null, "Send application/scim+json.");
    }

    @ExceptionHandler(ClassCastException.class)
    ResponseEntity<Object> wrongShape(ClassCastException e) {
        return error(400, "invalidValue", "A value has the wrong type.");
    }

    private static ResponseEntity<Object> error(int status, String scimType, String detail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemas", List.of(ERROR));
        json.put("status", Integer.toString(status));
        if (scimType != null) {
            json.put("scimType", scimType);
        }
        json.put("detail", detail);
        return ResponseEntity.status(status).contentType(SCIM_JSON).body(json);
    }

    // ---- Mapping

    private Map<String, Object> user(Account a, HttpServletRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemas", List.of(USER_SCHEMA));
        json.put("id", Long.toString(a.id()));
        if (a.externalId() != null) {
            json.put("externalId", a.externalId());
        }
        json.put("userName", a.userName());
        json.put("active", a.active());
        json.put(
                "groups",
                a.roles().stream()
                        .sorted()
                        .map(r -> Map.of(
                                "value", r.name(), "display", r.name(), "$ref", location(request, "Groups", r.name())))
                        .toList());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("resourceType", "User");
        if (a.created() != null) {
            meta.put("created", DateTimeFormatter.ISO_INSTANT.format(a.created()));
        }
        meta.put("location", location(request, "Users", Long.toString(a.id())));
        json.put("meta", meta);
        return json;
    }

    private Map<String, Object> group(Role role, HttpServletRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemas", List.of(GROUP_SCHEMA));
        json.put("id", role.name());
        json.put("displayName", role.name());
        json.put(
                "members",
                provisioning.members(role).stream()
                        .map(a -> Map.of(
                                "value",
                                Long.toString(a.id()),
                                "display",
                                a.userName(),
                                "$ref",
                                location(request, "Users", Long.toString(a.id()))))
                        .toList());
        json.put("meta", Map.of("resourceType", "Group", "location", location(request, "Groups", role.name())));
        return json;
    }

    private static Map<String, Object> page(List<Object> all, int startIndex, Integer count) {
        int from = Math.max(startIndex, 1) - 1;
        int size = count == null ? all.size() : Math.max(count, 0);
        List<Object> items = from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + size));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemas", List.of(LIST));
        json.put("totalResults", all.size());
        json.put("startIndex", from + 1);
        json.put("itemsPerPage", items.size());
        json.put("Resources", items);
        return json;
    }

    private static Map<String, Object> schema(String id, String name, List<Object> attributes) {
        return Map.of(
                "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Schema"),
                "id", id,
                "name", name,
                "attributes", attributes);
    }

    private static Map<String, Object> attribute(
            String name, String type, boolean required, String mutability, String uniqueness) {
        return Map.of(
                "name", name,
                "type", type,
                "multiValued", type.equals("complex"),
                "required", required,
                "mutability", mutability,
                "returned", "default",
                "uniqueness", uniqueness);
    }

    private static ResponseEntity<Object> scim(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(SCIM_JSON).body(body);
    }

    private static String location(HttpServletRequest request, String type, String id) {
        String base = request.getRequestURL().toString();
        int at = base.indexOf("/scim/v2");
        return (at < 0 ? base : base.substring(0, at)) + "/scim/v2/" + type + "/" + id;
    }

    private Account account(String id) {
        try {
            return provisioning
                    .get(Long.parseLong(id))
                    .orElseThrow(() -> new ScimException(404, null, "No user " + id + "."));
        } catch (NumberFormatException e) {
            throw new ScimException(404, null, "No user " + id + ".");
        }
    }

    private Role role(String id) {
        return roleNamed(id).orElseThrow(() -> new ScimException(404, null, "No group " + id + "."));
    }

    /** A role by its own name or by a claim value that attain.sso.role-mapping maps to exactly one role. */
    private Optional<Role> roleNamed(String name) {
        for (Role r : Role.values()) {
            if (r.name().equalsIgnoreCase(name)) {
                return Optional.of(r);
            }
        }
        Set<Role> mapped = sso.rolesFor(List.of(name));
        return mapped.size() == 1 ? Optional.of(mapped.iterator().next()) : Optional.empty();
    }

    private void setMembers(Role role, List<Long> ids, String actor) {
        for (Account a : provisioning.members(role)) {
            if (!ids.contains(a.id())) {
                provisioning.removeMember(role, a.id(), actor);
            }
        }
        ids.forEach(id -> provisioning.addMember(role, id, actor));
    }

    private List<Long> memberIds(Object members) {
        List<Long> ids = new ArrayList<>();
        if (members == null) {
            return ids;
        }
        if (!(members instanceof Collection<?> list)) {
            throw new ScimException(400, "invalidValue", "members must be a list of {\"value\": user id}.");
        }
        for (Object m : list) {
            Object value = m instanceof Map<?, ?> map ? map.get("value") : m;
            ids.add(account(String.valueOf(value)).id());
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> operations(Map<String, Object> body) {
        Object ops = body.get("Operations");
        if (!(ops instanceof List<?> list) || list.isEmpty()) {
            throw new ScimException(400, "invalidSyntax", "A PatchOp needs a list of Operations.");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new ScimException(400, "invalidSyntax", "Each operation is an object.");
            }
            out.add((Map<String, Object>) m);
        }
        return out;
    }

    private static String userName(Map<String, Object> body) {
        String userName = requireText(body.get("userName"), "userName");
        if (userName.length() > 200) {
            throw new ScimException(400, "invalidValue", "userName is longer than 200 characters.");
        }
        return userName;
    }

    /** What links the account to a person: the enterprise employeeNumber, else the primary (or first) e-mail. */
    private static String personKey(Map<String, Object> body) {
        if (body.get(ENTERPRISE) instanceof Map<?, ?> ext && text(ext.get("employeeNumber")) != null) {
            return text(ext.get("employeeNumber"));
        }
        if (body.get("emails") instanceof List<?> emails) {
            String first = null;
            for (Object e : emails) {
                if (e instanceof Map<?, ?> m && text(m.get("value")) != null) {
                    if (Boolean.TRUE.equals(m.get("primary"))) {
                        return text(m.get("value"));
                    }
                    first = first == null ? text(m.get("value")) : first;
                }
            }
            return first;
        }
        return null;
    }

    private static boolean active(Map<String, Object> body, boolean otherwise) {
        return body.containsKey("active") ? bool(body.get("active")) : otherwise;
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new ScimException(400, "invalidValue", "active must be true or false.");
    }

    private static String requireText(Object value, String name) {
        String s = text(value);
        if (s == null) {
            throw new ScimException(400, "invalidValue", name + " is required.");
        }
        return s;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().trim();
    }

    private static String actorOf(AttainUser actor) {
        return "scim:" + actor.getUsername();
    }
}
