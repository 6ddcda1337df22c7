/**
 * The home page of each role: a rep's own numbers, a manager's team, the back office's overview, and above them the
 * "waiting for you" inbox ({@code web.Inbox}: approvals, disputes, quarantined import rows, failed or stuck runs,
 * unscored MBO objectives, each read through its owner's public API: payout, ingest, calc, objectives). Also the page
 * chrome ({@code web.Shell}): the header's menus by role (Pay, Team, Plans &amp; quotas, Data, Finance, Admin, and the
 * account menu). Owns no tables.
 */
package org.attain.home;
