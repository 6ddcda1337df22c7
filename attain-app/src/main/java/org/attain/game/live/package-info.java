/**
 * Live leaderboards (issue 17 point 5): {@link org.attain.game.live.BoardFeed} keeps the open board screens
 * (server-sent events) and tells them when a board's metric changed; {@code BoardChanges} hears deals
 * ({@code sales.TransactionsChanged}) and activities ({@code activity.ActivitiesCaptured}). Internal to the game
 * module; the streams are served by {@code game.web.LiveBoardStreams}.
 */
package org.attain.game.live;
