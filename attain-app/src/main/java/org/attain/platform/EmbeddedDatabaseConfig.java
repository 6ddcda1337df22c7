package org.attain.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup database: when no datasource URL is configured, the app starts its own PostgreSQL
 * with its data in a local folder that survives restarts. Configuring {@code spring.datasource.url}
 * (or {@code ATTAIN_DB_URL}) switches this off and uses that server instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${attain.data-dir:./data}") String dataDir) {
        Path pgData = Path.of(dataDir).toAbsolutePath().normalize().resolve("pg");
        try {
            Files.createDirectories(pgData);
            long started = System.nanoTime();
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(0)
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("fsync", "on")
                    .start();
            log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", pg.getPort(), pgData,
                    (System.nanoTime() - started) / 1_000_000);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("attain-embedded");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }
}
