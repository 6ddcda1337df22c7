/**
 * Cross-cutting plumbing: database start-up, clock, errors, web chrome, locale, and what several nodes on one
 * database share: which node runs a scheduled job ({@code JobLocks}, table {@code platform_job_lock}) and notices
 * between nodes ({@link org.attain.platform.Broadcasts}).
 */
package org.attain.platform;
