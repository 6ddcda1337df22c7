/**
 * The import of every record kind besides transactions: the kinds as data ({@code RecordKinds}: fields with their
 * English and German column names, natural keys, checks across fields, whose pay a change moves), mapping a row
 * ({@code RecordMapper}), the upsert by natural key with change lists and refusals ({@code RecordLoad}) and the run
 * with quarantine and audit ({@code RecordImports}). The rows are written by the tables' owners through
 * {@link org.attain.records.RecordTable}; nothing here names a table.
 */
package org.attain.ingest.records;
