/**
 * Gamification: leaderboards and contests over sales and activity metrics (issue 17).
 *
 * <p>The pure core (no Spring, JDBC or clock): {@link org.attain.game.Rankings} (by value, percent of goal,
 * improvement over a baseline; competition ranks with deterministic ties; team entries from members),
 * {@link org.attain.game.Band} (percentile bands), {@link org.attain.game.Elimination} and
 * {@link org.attain.game.Race}.
 */
package org.attain.game;
