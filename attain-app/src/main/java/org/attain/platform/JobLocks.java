package org.attain.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled work runs on one node at a time when several Attain nodes serve one database (ShedLock over the table
 * {@code platform_job_lock}): a method marked {@code @SchedulerLock} runs only where its row could be taken, and the
 * other nodes skip that turn. Times are the database's, so nodes with drifting clocks agree. A node that dies while
 * holding a job frees it after the job's {@code lockAtMostFor}. The same {@link LockProvider} serves work that is not
 * scheduled but must not run twice at once (a connector's sync).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class JobLocks {

    @Bean
    LockProvider jobLockProvider(DataSource dataSource, InstanceLease lease) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("platform_job_lock")
                .usingDbTime()
                .withLockedByValue(host() + " instance " + lease.key())
                .build());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}
