/** Quotas per payee, period and measure, and team (pod) quotas. */
package org.attain.quota;
