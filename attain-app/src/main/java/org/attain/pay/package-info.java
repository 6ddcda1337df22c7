/** What people are paid: earnings, statements with traces, the earnings API. */
package org.attain.pay;
