/** The pure calculation engine: plans, crediting, quotas, components, ledger and traces; no I/O, no clock. */
package org.attain.engine;
