/** What the rows of an import refer to (people, accounts, products, teams …), read once and resolved by hash, with the closest known value suggested. */
package org.attain.ingest.lookup;
