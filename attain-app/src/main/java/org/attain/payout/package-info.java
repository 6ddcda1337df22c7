/**
 * Payout: disputes about statement lines, approvals of exact results, manual adjustments and payroll export.
 *
 * <p>Owns tables: payout_adjustment, payout_approval, payout_approval_chain, payout_approval_level, dispute,
 * dispute_comment, payroll_export. Approvals pass the levels of their plan's or team's {@link
 * org.attain.payout.ApprovalChains chain} in order (default: one manager level); {@link
 * org.attain.payout.ApprovalReview} pages and filters the queue, compares each payout with its reference for bulk
 * approval of unchanged ones and flags outliers. Admins and comp admins set chains over the API or on the approval
 * chains page (/approvals/chains).
 */
package org.attain.payout;
