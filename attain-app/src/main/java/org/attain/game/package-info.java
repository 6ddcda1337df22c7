/**
 * Gamification: leaderboards and contests over sales and activity metrics, prizes paid through the payout
 * ledger, points, achievements and badges, TV screens (issue 17).
 *
 * <p>Owns tables: game_board, game_contest, game_contest_participant, game_contest_prize, game_award,
 * game_points (migration 2026.12.11.10), game_achievement_rule, game_achievement (2026.12.11.20; game_points gains
 * achievement_id), game_tv_link, game_tv_link_board (2026.12.11.30), game_chat_webhook, game_chat_post (2026.12.15.10).
 * Migrations 2026.12.15.20-.22 add formula metrics,
 * board windows, team battles and brackets (participants' seed and team), item prizes and prize codes; 2026.12.30.10
 * keeps chat webhook addresses encrypted ({@code platform.SecretBox}).
 *
 * <p>The pure core (no Spring, JDBC or clock): {@link org.attain.game.Rankings} (by value, percent of goal,
 * improvement over a baseline; competition ranks with deterministic ties; team entries from members),
 * {@link org.attain.game.Band} (percentile bands), {@link org.attain.game.Elimination} and
 * {@link org.attain.game.Race}, {@link org.attain.game.Bracket} (re-seeded pairings, the documented tie rule),
 * {@link org.attain.game.Window} (period, custom dates, rolling days, this week or month),
 * {@link org.attain.game.Achievements} (rules, badges, streaks).
 *
 * <p>Public API: {@link org.attain.game.Leaderboards} (board definitions; {@code view}: a board as one viewer
 * may see it, with the board's visibility and compensation privacy applied), {@link org.attain.game.Contests}
 * (checked creation, standings, settling, approval of cash prizes, points), {@link org.attain.game.Metrics},
 * {@link org.attain.game.ContestEffects} (participation and the effect on the metric, contest days against as many
 * before, for managers over their subtree), {@link org.attain.game.AchievementRules} (admin-defined rules evaluated on demand with the pure core; one
 * achievement per rule and person, its points once; counting from the rule's creation day unless applied to the
 * past; evaluated for the people concerned right after their deals or activities change, and nightly for everyone, by
 * the internal {@code AchievementTriggers}) and {@link org.attain.game.TvLinks} (revocable read-only links, token hashed; {@code /tv/{token}} is open
 * without login through the module's own security chain and shows {@code Leaderboards.everyoneView}).
 *
 * <p>Live (internal subpackages): {@code game.live.BoardFeed} pushes "board changed" over server-sent events to open
 * board pages ({@code /game/live}) and TV screens ({@code /tv/{token}/live}) when {@code sales.TransactionsChanged} or
 * {@code activity.ActivitiesCaptured} touches a board's metric; each screen then fetches its own page, so privacy
 * stays {@code Leaderboards.view}'s. {@code game.chat}: Slack and Microsoft Teams incoming webhooks told of contest
 * places ({@code game_award}) and badges, queued once per webhook and award, retried with backoff ({@code /game/chat}).
 *
 * {@link org.attain.game.BoardLiveLatencyCommand} is the {@code board-live-bench} command (bench/board-live.sh).
 *
 * <p>Metrics ({@link org.attain.game.Metrics}): money in the company currency ({@code attain.company-currency}),
 * each amount converted by {@code fx.RateTable} at its day's rate; a FORMULA metric is a CEL expression over the
 * other metrics compiled by the engine's {@code CelFormula} (a score, never paid as money).
 *
 * <p>Reads through other modules' public APIs only: {@code sales.SalesFigures} (bookings, deals won, open
 * pipeline, pipeline created, amounts per owner, day and currency), {@code fx.FxRates}, {@code activity.ActivityReads} (calls, meetings), {@code pay.Earnings} (attainment),
 * {@code quota.Quotas} (the reps of a period and their bookings quota, the goal of percent-of-goal boards),
 * {@code calendar.Periods}, {@code org.People} and {@code org.Visibility}. Cash prizes are paid by
 * {@code payout.Adjustments} (a SPIFF line in the month the contest ended, after approval, never one's own),
 * which publishes {@code AdjustmentsChanged} so the payee is recalculated. Reads people's names through
 * {@code org_person_v}.
 */
package org.attain.game;
