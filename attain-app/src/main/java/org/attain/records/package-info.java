/**
 * How imports write the tables of the capabilities that own them: each owner publishes a
 * {@link org.attain.records.RecordTable} per record kind it stores (people, reporting lines and teams by
 * org; quotas by quota; accounts, products and opportunities by sales; activities by activity; FX rates by
 * fx) with the table's natural key, its stored rows by key, batched inserts and updates in the caller's
 * transaction and its own rules (a new reporting line ends the one in force). {@code ingest} keeps the generic
 * part (mapping, checks, quarantine, change lists, dry runs, audit) and names no table.
 *
 * <p>Its own module so that ingest and the owners both depend on it without depending on each other's
 * internals. Owns no tables; {@link org.attain.records.SqlRecordTable} runs an owner's SQL text.
 */
package org.attain.records;
