/** Data in: import profiles, CSV/XLSX and bulk API loading by (source, external id), quarantine, fix and replay. */
package org.attain.ingest;
