/** Performance insight from live results: team tables, top and low performers with their reasons (PerformerClassifier over
 * PerformanceReview's metrics, peers in the same role, ramping reps with ramping peers), each rep's standing among peers
 * (rank band and distance to the median, /standing), trends against the team median. Performance over any range
 * ({@code PerformanceAnalytics}: per rep, team, region and company, the funnel, months, {@code PeerStanding} among peers
 * in the same role; /insights, /api/v1/analytics/performance, its CSV), cut by {@code org.Visibility}. Coaching
 * ({@code Coaching}: per-rep plans with goals tracked live from PerformanceAnalytics, 1:1 agendas and notes, and the
 * pure {@code CoachingSuggestions}: the funnel step furthest behind peers, the activity whose monthly count correlates
 * most with monthly wins over every rep's last 12 months; /coaching, /api/v1/coaching/reps/{id}). Owns tables
 * coaching_plan, coaching_goal, coaching_entry (migration 2026.12.17.10); reads org's, calc's and calendar's views, SalesFigures, sales' PerformanceFigures, ActivityReads and ActivityMonths. */
package org.attain.analytics;
