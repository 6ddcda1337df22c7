/** The payout ledger: draws, guarantees, holdbacks, clawbacks, carried negative balances, per payee over periods. */
package org.attain.engine.ledger;
