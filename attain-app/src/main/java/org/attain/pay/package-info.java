/**
 * What people are paid: earnings, statements with traces, the earnings API, and {@link org.attain.pay.DealCommissions}
 * (current earnings lines split over their deals to the cent, for commission expense). Statements show the people
 * a territory step names by their name (read from {@code org_person_v}), not their id.
 */
package org.attain.pay;
