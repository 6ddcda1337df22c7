/**
 * People, teams and effective-dated reporting lines, and who may see whose data ({@code Visibility}:
 * the reporting tree is org's).
 *
 * <p>Owns tables: person, reporting_line, team, team_membership, org_version. Adds people and reporting lines
 * to runs ({@code OrgSnapshot}, kept until org_version moves); publishes {@link org.attain.org.OrgChanged}.
 * Imports write people, reporting lines and teams through {@code OrgRecordTables} (the {@code records} SPI) and
 * read teams and the org's version through {@link org.attain.org.OrgKeys}.
 *
 * <p>Public write API for the demo seeder: {@code OrgBulkLoad} (teams, people, reporting lines and memberships).
 *
 * <p>Public read API: {@code People} (people on a day, look-ups by employee id or e-mail),
 * {@code ReportingLines}, {@code Teams}, {@code Visibility}/{@code PersonScope}. Public views (migration
 * .90) for readers that join for speed: {@code org_person_v} (a person with their team's name) and
 * {@code org_reporting_line_v}; {@code org_team_v} (every team's id, code, name and region, migration 2026.12.08.20).
 */
package org.attain.org;
