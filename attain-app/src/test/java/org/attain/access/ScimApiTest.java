package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * SCIM 2.0 at /scim/v2 as an identity provider calls it: an admin's token with the 'scim' scope,
 * application/scim+json both ways, errors in SCIM's format, Users and Groups (= roles), and
 * deactivation that ends the user's sessions and revokes their tokens.
 */
class ScimApiTest extends AttainIntegrationTest {

    private static final String SCIM = "application/scim+json";
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserAccounts users;

    private String token;

    @BeforeEach
    void scimToken() {
        AttainUser admin = users.find("admin").orElseThrow();
        token = tokens.create(admin, "scim test " + System.nanoTime(), Set.of(ApiTokens.SCIM_SCOPE))
                .secret();
    }

    private HttpResponse<String> call(String method, String path, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept", SCIM)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", SCIM);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> call(String method, String path, String body) {
        return call(method, path, body, token);
    }

    private static void assertScimError(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(SCIM));
        JsonNode error = Json.parse(r.body());
        assertThat(error.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.get("status").asString()).isEqualTo(Integer.toString(status));
        assertThat(error.get("detail").asString()).isNotBlank();
    }

    @Test
    void withoutATokenWithTheScimScopeNothingIsAnswered() {
        assertScimError(call("GET", "/scim/v2/Users", null, null), 401);
        assertScimError(call("GET", "/scim/v2/Users", null, "att_not-a-token"), 401);
        AttainUser admin = users.find("admin").orElseThrow();
        String readOnly =
                tokens.create(admin, "no scim", Set.of("read", "write")).secret();
        assertScimError(call("GET", "/scim/v2/Users", null, readOnly), 403);
        // A token with the scope, owned by someone who is not an admin.
        AttainUser rep = users.find("rep").orElseThrow();
        String repScim =
                tokens.create(rep, "rep scim", Set.of(ApiTokens.SCIM_SCOPE)).secret();
        assertScimError(call("GET", "/scim/v2/Users", null, repScim), 403);
        // And a scim-only token opens nothing under /api.
        assertThat(WebSession.withToken(baseUrl(), token).get("/api/v1/tokens").statusCode())
                .isEqualTo(403);
    }

    @Test
    void usersAreCreatedFoundReplacedPatchedAndDeleted() {
        String name = "scim-" + System.nanoTime() + "@example.org";
        var created = call("POST", "/scim/v2/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","externalId":"ext-%s",
                 "active":true,"emails":[{"value":"%s","primary":true}]}""".formatted(name, name, name));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(SCIM));
        JsonNode user = Json.parse(created.body());
        String id = user.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue(baseUrl() + "/scim/v2/Users/" + id);
        assertThat(user.get("userName").asString()).isEqualTo(name);
        assertThat(user.get("active").asBoolean()).isTrue();

        assertScimError(call("POST", "/scim/v2/Users", "{\"userName\":\"" + name + "\"}"), 409);
        assertThat(Json.parse(call("POST", "/scim/v2/Users", "{\"userName\":\"" + name + "\"}")
                                .body())
                        .get("scimType")
                        .asString())
                .isEqualTo("uniqueness");

        String filter = URLEncoder.encode("userName eq \"" + name + "\"", StandardCharsets.UTF_8);
        JsonNode found =
                Json.parse(call("GET", "/scim/v2/Users?filter=" + filter, null).body());
        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.get("Resources").get(0).get("id").asString()).isEqualTo(id);
        assertScimError(
                call(
                        "GET",
                        "/scim/v2/Users?filter=" + URLEncoder.encode("title co \"x\"", StandardCharsets.UTF_8),
                        null),
                400);

        var replaced = call("PUT", "/scim/v2/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s-renamed","active":true}""".formatted(name));
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(Json.parse(replaced.body()).get("userName").asString()).isEqualTo(name + "-renamed");

        var patched = call("PATCH", "/scim/v2/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"active","value":false}]}""");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(Json.parse(patched.body()).get("active").asBoolean()).isFalse();
        assertThat(users.findById(Long.parseLong(id)).orElseThrow().isEnabled()).isFalse();

        assertThat(call("DELETE", "/scim/v2/Users/" + id, null).statusCode()).isEqualTo(204);
        assertScimError(call("GET", "/scim/v2/Users/" + id, null), 404);
        assertScimError(call("POST", "/scim/v2/Users", "{not json"), 400);
    }

    @Test
    void groupsAreTheRolesAndTheirMembersGetThem() {
        String name = "scim-group-" + System.nanoTime();
        String id = Json.parse(call("POST", "/scim/v2/Users", "{\"userName\":\"" + name + "\"}")
                        .body())
                .get("id")
                .asString();

        JsonNode groups = Json.parse(call("GET", "/scim/v2/Groups", null).body());
        assertThat(groups.get("totalResults").asInt()).isEqualTo(Role.values().length);
        String filter = URLEncoder.encode("displayName eq \"MANAGER\"", StandardCharsets.UTF_8);
        assertThat(Json.parse(call("GET", "/scim/v2/Groups?filter=" + filter, null)
                                .body())
                        .get("Resources")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo("MANAGER");

        var added = call("PATCH", "/scim/v2/Groups/MANAGER", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"members","value":[{"value":"%s"}]}]}""".formatted(id));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(users.rolesOf(Long.parseLong(id))).containsExactly(Role.MANAGER);
        assertThat(Json.parse(call("GET", "/scim/v2/Users/" + id, null).body())
                        .get("groups")
                        .get(0)
                        .get("value")
                        .asString())
                .isEqualTo("MANAGER");

        // A group created under a name the SSO role mapping knows is that role.
        var mapped = call("POST", "/scim/v2/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"attain-reps",
                 "members":[%s]}""".formatted(
                        Json.parse(call("GET", "/scim/v2/Groups/REP", null).body())
                                .get("members")
                                .valueStream()
                                .map(m -> "{\"value\":\"" + m.get("value").asString() + "\"}")
                                .reduce((a, b) -> a + "," + b)
                                .map(s -> s + ",{\"value\":\"" + id + "\"}")
                                .orElse("{\"value\":\"" + id + "\"}")));
        assertThat(mapped.statusCode()).isEqualTo(201);
        assertThat(Json.parse(mapped.body()).get("id").asString()).isEqualTo("REP");
        assertThat(users.rolesOf(Long.parseLong(id))).containsExactlyInAnyOrder(Role.MANAGER, Role.REP);
        assertScimError(call("POST", "/scim/v2/Groups", "{\"displayName\":\"no such group\"}"), 400);

        var removed = call("PATCH", "/scim/v2/Groups/MANAGER", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(id));
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(users.rolesOf(Long.parseLong(id))).containsExactly(Role.REP);
        assertScimError(call("GET", "/scim/v2/Groups/NOPE", null), 404);
    }

    @Test
    void deactivatingAUserEndsTheirSessionAndRevokesTheirTokens() {
        String name = "scim-session-" + System.nanoTime();
        String password = "a-long-session-password";
        long userId = users.create(name, password, null, Set.of(Role.REP), "test");
        WebSession session = login(name, password);
        assertThat(session.loggedIn()).isTrue();
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        String theirToken = tokens.create(users.findById(userId).orElseThrow(), "theirs", Set.of("read"))
                .secret();
        assertThat(WebSession.withToken(baseUrl(), theirToken)
                        .get("/api/v1/tokens")
                        .statusCode())
                .isEqualTo(200);

        var patched = call("PATCH", "/scim/v2/Users/" + userId, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":false}}]}""");
        assertThat(patched.statusCode()).isEqualTo(200);

        var after = session.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login"));
        assertThat(WebSession.withToken(baseUrl(), theirToken)
                        .get("/api/v1/tokens")
                        .statusCode())
                .isEqualTo(401);
        assertThat(login(name, password).loggedIn()).isFalse();
    }

    @Test
    void discoveryDocumentsAreServed() {
        for (String path :
                new String[] {"/scim/v2/ServiceProviderConfig", "/scim/v2/ResourceTypes", "/scim/v2/Schemas"}) {
            var r = call("GET", path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith(SCIM));
        }
        JsonNode config =
                Json.parse(call("GET", "/scim/v2/ServiceProviderConfig", null).body());
        assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
        assertThat(config.get("authenticationSchemes").get(0).get("type").asString())
                .isEqualTo("oauthbearertoken");
        JsonNode types = Json.parse(call("GET", "/scim/v2/ResourceTypes", null).body());
        assertThat(types.get("Resources").valueStream().map(t -> t.get("id").asString()))
                .containsExactlyInAnyOrder("User", "Group");
    }
}
