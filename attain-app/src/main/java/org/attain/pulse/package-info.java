/**
 * Pulse surveys (eNPS) with real anonymity: a 0..10 question plus optional scale or free-text questions, sent to
 * everyone, chosen teams or a manager's subtree; results per group (everyone surveyed → region → team) with
 * promoters, passives, detractors, eNPS and response rate, and a trend over surveys.
 *
 * <p>Owns tables: pulse_survey, pulse_question, pulse_group, pulse_recipient, pulse_answer, pulse_answer_item
 * (migration 2026.12.13.10). Reads people, teams and subtrees through org's public {@code People}, {@code Teams}
 * and {@code Visibility} when a survey is sent; the groups and recipients are frozen then.
 *
 * <p>Anonymity: an answer is stored with its survey, its (smallest) group and the Monday of its week only — no
 * person, no token, no timestamp, a random uuid as id; the recipient's one-time token is cleared and the row marked
 * used in the same transaction, so an answer cannot be counted twice. Results hide groups with fewer answers than
 * the survey's minimum (default 5, never below 3) and every group that would let a hidden one be worked out by
 * subtraction ({@link org.attain.pulse.GroupSuppression}); an optional question, which some leave blank, is suppressed
 * the same way on its own answer counts. The eNPS arithmetic is {@link org.attain.pulse.Enps}.
 * Answers are never audited (an audit row names its actor); creating a survey is.
 *
 * <p>Invites: {@code PulseInvites} mails each recipient their one-time answer link once the survey has opened (a
 * scheduled job, {@code attain.pulse.invites.cron}, clock injected; needs {@code spring.mail.host}); whether an invite
 * went out is a flag on pulse_recipient (migration 2026.12.19.10), no time. Emails are read through org's
 * {@code org_person_v}.
 *
 * <p>Public API: {@code PulseSurveys} (send, answer, list, results, trend), {@code PulseByGroup} (each region's and
 * team's result in the latest survey that reached it, for pages that show eNPS beside performance; the same
 * suppression and visibility as the results), {@code SurveyRefused}, {@code PulseBulkLoad} (the demo company's past
 * surveys), the pure {@code Enps} and {@code GroupSuppression}. Publishes no views and no events.
 */
package org.attain.pulse;
