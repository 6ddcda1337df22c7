/** The input facts a calculation reads: people, reporting lines, quotas, transactions, events, assignments. */
package org.attain.engine.model;
