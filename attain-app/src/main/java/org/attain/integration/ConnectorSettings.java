package org.attain.integration;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.access.AuditLog;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where each CRM connector talks to and with which credentials (encrypted), whether the schedule
 * runs it, and its last-modified cursors. Base URLs are settings, not code, so a sandbox org, a
 * proxy or a test server can stand in for the vendor.
 */
@Service
public class ConnectorSettings {

    public static final List<String> KINDS = List.of("salesforce", "hubspot");
    static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the page and API show: everything except the credentials themselves. */
    public record Settings(
            String kind,
            String baseUrl,
            String tokenUrl,
            String apiVersion,
            String currency,
            boolean scheduled,
            boolean hasCredentials,
            Instant updatedAt,
            String updatedBy) {}

    /** A change; null credentials keep the stored ones. */
    public record Change(
            String baseUrl,
            String tokenUrl,
            String apiVersion,
            String currency,
            Boolean scheduled,
            Map<String, String> credentials) {}

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final AuditLog audit;
    private final Clock clock;

    ConnectorSettings(JdbcClient jdbc, SecretBox box, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<Settings> find(String kind) {
        return jdbc.sql("""
                select kind, base_url, token_url, api_version, currency, scheduled, credentials_enc is not null as has_credentials,
                       updated_at, updated_by from integration_connector where kind = :k""").param("k", kind).query(Settings.class).optional();
    }

    public List<Settings> all() {
        return KINDS.stream()
                .map(k -> find(k).orElse(new Settings(
                        k, defaultBase(k), null, defaultVersion(k), "USD", false, false, null, null)))
                .toList();
    }

    @Transactional
    public Settings save(String kind, Change c, String actor) {
        String base = c.baseUrl() == null || c.baseUrl().isBlank()
                ? defaultBase(kind)
                : c.baseUrl().trim();
        checkUrl("baseUrl", base);
        String tokenUrl = c.tokenUrl() == null || c.tokenUrl().isBlank()
                ? null
                : c.tokenUrl().trim();
        if (tokenUrl != null) {
            checkUrl("tokenUrl", tokenUrl);
        }
        String currency = c.currency() == null || c.currency().isBlank()
                ? "USD"
                : c.currency().trim().toUpperCase();
        if (!currency.matches("[A-Z]{3}")) {
            throw new InvalidInputException(new FieldProblem(
                    "currency", "integration.currency", "'" + currency + "' is not a 3-letter ISO code"));
        }
        String version = c.apiVersion() == null || c.apiVersion().isBlank()
                ? defaultVersion(kind)
                : c.apiVersion().trim();
        String enc = c.credentials() == null
                ? null
                : box.encrypt(JSON.writeValueAsString(new LinkedHashMap<>(c.credentials())));
        jdbc.sql("""
                insert into integration_connector(kind, base_url, token_url, api_version, currency, credentials_enc, scheduled,
                                                  updated_at, updated_by)
                values (:k, :base, :token, :v, :cur, :enc, :sched, :at, :by)
                on conflict (kind) do update set base_url = excluded.base_url, token_url = excluded.token_url,
                    api_version = excluded.api_version, currency = excluded.currency,
                    credentials_enc = coalesce(excluded.credentials_enc, integration_connector.credentials_enc),
                    scheduled = excluded.scheduled, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("k", kind)
                .param("base", base)
                .param("token", tokenUrl)
                .param("v", version)
                .param("cur", currency)
                .param("enc", enc)
                .param("sched", Boolean.TRUE.equals(c.scheduled()))
                .param("at", Timestamp.from(clock.instant()))
                .param("by", actor)
                .update();
        // The audit names what changed, never the credential values.
        audit.record(
                actor,
                "CONNECTOR_CONFIGURED",
                "connector",
                kind,
                null,
                Map.of(
                        "baseUrl",
                        base,
                        "scheduled",
                        Boolean.TRUE.equals(c.scheduled()),
                        "credentialsChanged",
                        enc != null));
        return find(kind).orElseThrow();
    }

    Map<String, String> credentials(String kind) {
        String enc = jdbc.sql("select credentials_enc from integration_connector where kind = :k")
                .param("k", kind)
                .query(String.class)
                .optional()
                .orElse(null);
        return enc == null ? Map.of() : JSON.readerForMapOf(String.class).readValue(box.decrypt(enc));
    }

    /** Keeps a refreshed access token so the next run starts with it. */
    void updateCredential(String kind, String name, String value) {
        Map<String, String> creds = new LinkedHashMap<>(credentials(kind));
        creds.put(name, value);
        jdbc.sql("update integration_connector set credentials_enc = :enc where kind = :k")
                .param("enc", box.encrypt(JSON.writeValueAsString(creds)))
                .param("k", kind)
                .update();
    }

    Instant cursor(String kind, String object) {
        return jdbc.sql("select modified_at from integration_connector_cursor where kind = :k and object = :o")
                .param("k", kind)
                .param("o", object)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(BEGINNING);
    }

    void moveCursor(String kind, String object, Instant to) {
        jdbc.sql("""
                insert into integration_connector_cursor(kind, object, modified_at) values (:k, :o, :at)
                on conflict (kind, object) do update set modified_at = greatest(integration_connector_cursor.modified_at, excluded.modified_at)""")
                .param("k", kind)
                .param("o", object)
                .param("at", Timestamp.from(to))
                .update();
    }

    static String defaultBase(String kind) {
        return kind.equals("hubspot") ? "https://api.hubapi.com" : "https://login.salesforce.com";
    }

    static String defaultVersion(String kind) {
        return kind.equals("hubspot") ? "v3" : "v62.0";
    }

    /** Credentials travel to this URL: HTTPS only, except to this machine (tests, local proxies). */
    static void checkUrl(String field, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(new FieldProblem(field, "integration.url", "'" + url + "' is not a URL"));
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback =
                host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new InvalidInputException(new FieldProblem(field, "integration.url", "must be an https:// URL"));
        }
    }
}
