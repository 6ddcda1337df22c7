/**
 * Data in: import profiles, CSV/XLSX and bulk API loading by (source, external id), quarantine, fix and replay.
 * <p>
 * Owns tables: ingest_import, ingest_quarantine, ingest_idempotency, ingest_saved_profile (profiles saved by name
 * from the preview's builder: {@link org.attain.ingest.SavedProfiles}).
 * <p>
 * Public API: {@link org.attain.ingest.TransactionFeed} (transactions delivered as records by webhooks and
 * connectors take the import's load path), {@link org.attain.ingest.Bounds} (the limits values must keep where
 * they enter), {@link org.attain.ingest.ImportOutcome} and the {@code import} command
 * ({@link org.attain.ingest.ImportCommand}). The root also runs an import ({@code Imports}) and holds the generic
 * record loader ({@code RecordKinds}, {@code RecordLoad} …). Inside, by what each part does: {@code files}
 * (reading CSV/XLSX within limits, uploads), {@code profiles} (import profiles, filters, derived fields, field types
 * and values), {@code lookup} (what rows refer to, resolved by hash), {@code transactions} (mapping, staging and the
 * set-based quarantine of a transaction load), {@code quarantine} (view, bulk correction, dismissal, delivery) and
 * {@code web} (pages and REST controllers).
 */
package org.attain.ingest;
