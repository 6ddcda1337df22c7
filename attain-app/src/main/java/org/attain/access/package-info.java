/**
 * Users, roles, API tokens, login throttling and the audit log. Who may see whose data is decided by
 * org's {@code Visibility} (the reporting tree is org's).
 *
 * <p>Owns tables: app_user, user_role, api_token, setup_token, audit_log.
 */
package org.attain.access;
