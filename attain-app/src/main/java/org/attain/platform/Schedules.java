package org.attain.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Timed work (webhook retries, connector syncs, live updates) runs in the server only: a
 * command-line command ({@link Headless}) does its one job and leaves, and beside a running server
 * it would repeat what the server already does on the same database.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "attain.headless", havingValue = "false", matchIfMissing = true)
class Schedules {}
