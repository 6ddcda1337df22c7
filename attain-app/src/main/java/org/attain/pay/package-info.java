/**
 * What people are paid: earnings, statements with traces, the earnings API, and {@link org.attain.pay.DealCommissions}
 * (current earnings lines split over their deals to the cent, for commission expense).
 */
package org.attain.pay;
