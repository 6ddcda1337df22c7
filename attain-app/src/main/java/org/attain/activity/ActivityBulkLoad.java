package org.attain.activity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.attain.platform.SpooledCopy;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * A whole company's activities written at once, in the caller's transaction (the demo seeder's):
 * spooled to a file and sent by COPY. The daily summaries catch up by id watermark before their next read
 * ({@link ActivitySummaries}).
 */
@Component
public class ActivityBulkLoad {

    private final DataSource dataSource;

    ActivityBulkLoad(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A spool for activities, sent by {@link Spool#copy()}; close it to delete the file. */
    public Spool spool() {
        return new Spool();
    }

    /** Activity rows in COPY's text format until {@link #copy()}. */
    public final class Spool implements AutoCloseable {

        private final SpooledCopy activities = new SpooledCopy(
                "activity",
                "external_id, person_id, kind, occurred_at, duration_minutes, outcome, account_id, opportunity_id");

        private Spool() {}

        public void activity(
                String externalId,
                Long personId,
                String kind,
                Instant occurredAt,
                int durationMinutes,
                String outcome,
                Long accountId,
                Long opportunityId) {
            activities.row(externalId, personId, kind, occurredAt, durationMinutes, outcome, accountId, opportunityId);
        }

        public long rows() {
            return activities.rows();
        }

        public void copy() throws SQLException {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                activities.copyInto(connection);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        @Override
        public void close() {
            activities.close();
        }
    }
}
