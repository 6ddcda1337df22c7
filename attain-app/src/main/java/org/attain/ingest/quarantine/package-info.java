/** The quarantine of rejected rows: listed in groups, corrected in bulk, dismissed, replayed, and resolved by later loads. */
package org.attain.ingest.quarantine;
