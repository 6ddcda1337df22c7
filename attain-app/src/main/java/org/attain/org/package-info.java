/**
 * People, teams, regions and effective-dated reporting lines.
 *
 * <p>Owns tables: person, reporting_line, team, team_membership, org_version. Adds people and reporting lines
 * to runs ({@code OrgSnapshot}, kept until org_version moves); publishes {@link org.attain.org.OrgChanged}.
 */
package org.attain.org;
