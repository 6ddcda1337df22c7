/** A transaction load: each row mapped to a canonical transaction or its problems, staged by COPY, repeats and problems quarantined by set. */
package org.attain.ingest.transactions;
