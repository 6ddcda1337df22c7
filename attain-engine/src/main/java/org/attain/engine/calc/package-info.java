/** The pure calculation: per payee and period, measures, attainment, earnings lines with traces and payout. */
package org.attain.engine.calc;
