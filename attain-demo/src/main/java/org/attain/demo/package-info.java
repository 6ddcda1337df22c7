/**
 * Deterministic generator of a believable demo company (people, accounts, pipeline, deals, activities).
 *
 * <p>Results spread like a real team's: skill and effort move a rep's results moderately ({@code
 * HistoryWalk.WIN_WEIGHT}, {@code EFFORT_WEIGHT}); deal value follows the seat's segment (commercial 8–16k,
 * mid-market 25–60k, enterprise 60–150k USD before deal type), with 4–5 closing opportunities per seat-month, so a
 * quarter is many mid-sized deals, not one that makes it 1,000 %. With the app's quotas (team median quarter plus
 * a tenth, scaled by season), the seed 20240101 as of 2026-12-06 gives over the closed quarters: median 89 %,
 * 9.6 % above 150 %, none above 300 %, 0.8 % at zero (ramping new hires); 20,926 opportunities, 10,312
 * transactions, about 85,600 activities.
 */
package org.attain.demo;
