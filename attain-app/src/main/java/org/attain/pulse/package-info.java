/**
 * Pulse surveys (eNPS) with real anonymity: a 0..10 question plus optional scale or free-text questions, sent to
 * everyone, chosen teams or a manager's subtree; results per group (everyone surveyed → region → team) with
 * promoters, passives, detractors, eNPS and response rate, and a trend over surveys.
 *
 * <p>Owns tables: pulse_survey, pulse_question, pulse_group, pulse_recipient, pulse_answer, pulse_answer_item
 * (migration 2026.12.13.10), pulse_answer_seal, pulse_answer_shuffle and pulse_key_check (2026.12.30.40). Reads
 * people, teams and subtrees through org's public {@code People}, {@code Teams} and {@code Visibility} when a survey
 * is sent; the groups and recipients are frozen then.
 *
 * <p>Anonymity: an answer is stored with its survey, its smallest group of at least the survey's minimum of
 * recipients (a team of one or two would name its people; its answers count in the region's rest) and the Monday of
 * its week only — no person, no token, no timestamp, a random uuid as id. The answer's transaction writes nothing that names the person
 * and nothing that can be joined to a row that does: the recipient's row is only read (no "used" marker, no row lock,
 * either of which would carry the answer's transaction id), and "has answered" is a seal,
 * HMAC-SHA256(pulse key, survey id ':' person id), inserted with the answer; a second answer hits the seal's primary
 * key and is refused (409), and whatever asks who has answered (the person's invitations, the invites' job) computes
 * the seal and looks it up. The pulse key ({@code PulseKey}) lives outside the database ({@code attain.pulse-key}, or
 * {@code pulse.key} in the data directory, created owner-only on first start). {@code PulseSeals} rewrites each
 * survey's answers, items and seals in random order in one transaction every ten minutes when new answers came, and
 * turns the earlier design's markers into seals at start-up. What holds: the database alone links no answer to a
 * person (AnswersCannotBeJoinedToTheirPeopleTest reads the tables). The limits, stated: until the next shuffle a fresh
 * answer's transaction id can be placed among the database's other writes (a login's audit row just before it), and
 * whoever holds both the database and the pulse key could compute a person's seal and find the transaction of their
 * answer; after the shuffle all answers of a survey share one transaction and neither works. PostgreSQL's write-ahead
 * log and backups keep what happened before a shuffle. Results hide groups with fewer answers than
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
