/** Payout: disputes about statement lines, approvals of exact results, manual adjustments and payroll export. */
package org.attain.payout;
