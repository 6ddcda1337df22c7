/**
 * Territories: effective-dated objects in hierarchies (area, region, district, territory) with assignment
 * rules over account attributes applied in precedence order, owners and overlays per territory, and the
 * assignment of every account to exactly one territory of a hierarchy on a day (or to "Unassigned").
 *
 * <p>Owns tables: territory_hierarchy, territory, territory_rule, territory_member, territory_crediting_policy.
 *
 * <p>Public API: {@link org.attain.territory.Territories} (reads), {@link org.attain.territory.TerritoryChanges}
 * (checked writes, all or nothing; {@code moveAccounts}: accepted balancing moves as
 * named-account rules from a day, ranked just ahead of the rules with conditions, ending earlier named-account rules
 * of the moved accounts from that day), {@link org.attain.territory.TerritoryAssignments} (account to territory on a
 * day, computed in one SQL statement; {@code claims(from, until)}: the effective-dated assignments with owners
 * and overlays as plain records, the seam calculation reads), {@link org.attain.territory.TerritoryBulkLoad} (the
 * demo company's territories) and the event {@link org.attain.territory.TerritoriesChanged} (a
 * {@code PayInputsChanged}: affected people and dates), published in the writing transaction and acted on
 * after commit. Reads accounts through the view {@code sales_account_v} (published by sales, migration
 * 2026.12.09.10) and people through {@code org_person_v}. Imports write through {@code TerritoryRecordTables}
 * (the {@code records} SPI: record kinds territories, territory_rules, territory_members), row by row through
 * the same checks as the pages and the API, parents named in the same file first. {@link
 * org.attain.territory.AccountTerritories} lists accounts with their territory on a day (the assignments export),
 * reading regions through {@code sales_region_v}.
 *
 * <p>Crediting by territory: {@link org.attain.territory.TerritoryCreditingPolicies} keeps the company's one policy
 * (off by default; on: the hierarchy whose territories credit, the precedence of territory and deal owner, primary
 * credit once or not), checked, audited and announced with {@link org.attain.territory.TerritoryCreditingChanged}
 * (everyone recalculated). {@code TerritoryCreditInputs} is the module's {@code CalcInputContributor}: with the
 * policy on it gives a run the engine's {@code TerritoryCrediting} over the hierarchy's claims in the run's window
 * ({@code TerritoryClaimIndex}: the deal's {@code account.id}, set by sales, looked up by id, the day by binary
 * search) and tells the run which accounts may credit each owner and overlay, so a chunk reads those deals too;
 * with it off it adds nothing and runs are exactly as before.
 */
package org.attain.territory;
