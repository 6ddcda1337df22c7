/** The end-to-end benchmark behind {@code bench/run.sh}: load, calculate, compare with plain SQL, recalculate, serve. */
package org.attain.bench;
