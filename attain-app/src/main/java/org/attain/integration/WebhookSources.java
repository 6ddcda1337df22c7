package org.attain.integration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.attain.access.AuditLog;
import org.attain.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The systems allowed to send webhooks, each with its own signing secret (stored encrypted). */
@Service
public class WebhookSources {

    public record Source(String source, Instant createdAt, String createdBy) {}

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final AuditLog audit;
    private final Clock clock;

    WebhookSources(JdbcClient jdbc, SecretBox box, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Source> list() {
        return jdbc.sql("select source, created_at, created_by from integration_webhook_source order by source")
                .query(Source.class)
                .list();
    }

    /** Creates the source or gives it a new secret; the secret is returned this once and never shown again. */
    @Transactional
    public String rotate(String source, String actor) {
        String secret = SecretBox.newSecret();
        jdbc.sql("""
                insert into integration_webhook_source(source, secret_enc, created_at, created_by) values (:s, :enc, :at, :by)
                on conflict (source) do update set secret_enc = excluded.secret_enc, created_at = excluded.created_at,
                    created_by = excluded.created_by""")
                .param("s", source)
                .param("enc", box.encrypt(secret))
                .param("at", Timestamp.from(clock.instant()))
                .param("by", actor)
                .update();
        audit.record(actor, "WEBHOOK_SOURCE_SECRET_SET", "webhook_source", source, null, null);
        return secret;
    }

    public Optional<String> secret(String source) {
        return jdbc.sql("select secret_enc from integration_webhook_source where source = :s")
                .param("s", source)
                .query(String.class)
                .optional()
                .map(box::decrypt);
    }
}
