package org.attain.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup database: when no datasource URL is configured, the app starts its own PostgreSQL
 * with its data in a local folder that survives restarts. Configuring {@code spring.datasource.url}
 * (or {@code ATTAIN_DB_URL}) switches this off and uses that server instead.
 * {@link EmbeddedPostgresServer} stops what a killed Attain left running and starts the server again
 * when it goes away under the application.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfig {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(
            @Value("${attain.data-dir:./data}") String dataDir,
            @Value("${attain.embedded.synchronous-commit:off}") String synchronousCommit) {
        Map<String, String> config = new LinkedHashMap<>();
        // zonky's defaults, stated so a server started again after a crash runs exactly as the first one.
        // synchronous_commit=off: a commit is acknowledged before its WAL reaches the disk, so a crash of
        // PostgreSQL itself or of the machine (not of the JVM) can lose the last moments of acknowledged
        // commits (at most 3 x wal_writer_delay, 0.6 s), never consistency (fsync stays on).
        // attain.embedded.synchronous-commit=on trades commit latency for losing nothing acknowledged.
        config.put("timezone", "UTC");
        config.put("synchronous_commit", synchronousCommit.equals("on") ? "on" : "off");
        config.put("max_connections", "60");
        config.put("fsync", "on");
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(Path.of(dataDir), config);
        server.start();
        return server;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server) {
        // Not started here (no-argument constructor): the pool opens its first connection on first use,
        // after InstanceLease has added its per-connection setting.
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(server.dataSource());
        pool.setPoolName("attain-embedded");
        pool.setMaximumPoolSize(20);
        return pool;
    }
}
