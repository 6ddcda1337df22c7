/** Crediting: which payee gets how much of which transaction, and which transactions are excluded and why. */
package org.attain.engine.credit;
