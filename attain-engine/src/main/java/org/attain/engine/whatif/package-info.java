/** What-if: the effect of a hypothetical deal on a payee's earnings, computed without writing anything. */
package org.attain.engine.whatif;
