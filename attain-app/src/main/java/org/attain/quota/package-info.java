/** Quotas per payee, period and measure, and FX rates. */
package org.attain.quota;
