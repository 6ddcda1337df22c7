package org.attain.integration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.attain.activity.ActivityCapture;
import org.attain.ingest.TransactionFeed;
import org.attain.platform.ConflictException;
import org.attain.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the CRM connectors, on demand and on the schedule (cron {@code attain.connectors.cron},
 * off unless set; each connector also has to be marked as scheduled). One run per connector at a
 * time; every run is recorded with what it counted and, when it stopped, why.
 */
@Service
public class Connectors {

    private static final Logger log = LoggerFactory.getLogger(Connectors.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Run(
            long id,
            String kind,
            String trigger,
            Instant startedAt,
            Instant finishedAt,
            String status,
            Map<String, Long> counts,
            String message) {}

    private final ConnectorSettings settings;
    private final CrmRecords crm;
    private final TransactionFeed feed;
    private final ActivityCapture activities;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final LockProvider locks;

    Connectors(
            ConnectorSettings settings,
            CrmRecords crm,
            TransactionFeed feed,
            ActivityCapture activities,
            JdbcClient jdbc,
            Clock clock,
            LockProvider locks) {
        this.locks = locks;
        this.settings = settings;
        this.crm = crm;
        this.feed = feed;
        this.activities = activities;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** On one node when several serve the database: the others' timers find the turn taken. */
    @Scheduled(cron = "${attain.connectors.cron:-}")
    @SchedulerLock(name = "integration.connectors", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void onSchedule() {
        for (ConnectorSettings.Settings s : settings.all()) {
            if (s.scheduled() && s.hasCredentials()) {
                try {
                    run(s.kind(), "schedule");
                } catch (RuntimeException e) {
                    log.warn("Scheduled {} sync did not run: {}", s.kind(), e.getMessage());
                }
            }
        }
    }

    /** Runs one connector now and returns its record; a failed run is recorded too and returned, not thrown. */
    public Run run(String kind, String trigger) {
        ConnectorSettings.Settings s =
                settings.find(kind).orElseThrow(() -> new NotFoundException("configured connector", kind));
        // One sync per connector across every node serving the database; a node that dies mid-sync frees it after
        // two hours.
        SimpleLock running = locks.lock(new LockConfiguration(
                        ClockProvider.now(), "integration.connector." + kind, Duration.ofHours(2), Duration.ZERO))
                .orElseThrow(() -> new ConflictException("The " + kind + " connector is already running."));
        long id;
        try {
            id = jdbc.sql("""
                    insert into integration_connector_run(kind, trigger, started_at, status) values (:k, :t, :at, 'RUNNING') returning id""")
                    .param("k", kind)
                    .param("t", trigger)
                    .param("at", Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
        } catch (RuntimeException e) {
            running.unlock();
            throw e;
        }
        ConnectorSink sink = new ConnectorSink(kind, jdbc, crm, feed, activities);
        String status = "SUCCEEDED";
        String message = null;
        try {
            CrmHttp http = new CrmHttp(
                    kind.equals("hubspot") ? "HubSpot" : "Salesforce", d -> Thread.sleep(d.toMillis()), clock);
            if (kind.equals(SalesforceConnector.KIND)) {
                new SalesforceConnector(s, settings, http).sync(sink);
            } else {
                new HubSpotConnector(s, settings, http).sync(sink);
            }
            message = sink.problems().isEmpty() ? null : String.join("\n", sink.problems());
        } catch (ConnectorException e) {
            status = "FAILED";
            message = e.getMessage();
        } catch (RuntimeException e) {
            status = "FAILED";
            message = "unexpected error: " + e.getMessage();
            log.error("{} sync {} failed", kind, id, e);
        } finally {
            running.unlock();
        }
        jdbc.sql(
                        "update integration_connector_run set finished_at = :at, status = :s, counts = cast(:c as jsonb), message = :m where id = :id")
                .param("at", Timestamp.from(clock.instant()))
                .param("s", status)
                .param("c", JSON.writeValueAsString(sink.counts()))
                .param("m", message)
                .param("id", id)
                .update();
        return find(id);
    }

    Run find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("connector run", id));
    }

    public List<Run> recent(int limit) {
        return jdbc.sql(SELECT + " order by id desc limit :n")
                .param("n", limit)
                .query(this::map)
                .list();
    }

    private static final String SELECT = """
            select id, kind, trigger, started_at, finished_at, status, counts::text as counts, message from integration_connector_run""";

    private Run map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Map<String, Long> counts =
                new LinkedHashMap<>(JSON.readerForMapOf(Long.class).readValue(rs.getString("counts")));
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("trigger"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("status"),
                counts,
                rs.getString("message"));
    }
}
