/** Gamification's pages (reps' boards, the management page, contests) and its REST API under /api/v1/game. */
package org.attain.game.web;
