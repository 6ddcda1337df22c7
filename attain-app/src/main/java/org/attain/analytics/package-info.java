/** Performance insight from live results: team tables, top and low performers with their reasons (PerformerClassifier over
 * PerformanceReview's metrics, peers in the same role, ramping reps with ramping peers), each rep's standing among peers
 * (rank band and distance to the median, /standing), trends against the team median. Performance over any range
 * ({@code PerformanceAnalytics}: per rep, team, region and company, the funnel, months, {@code PeerStanding} among peers
 * in the same role; /insights, /api/v1/analytics/performance, its CSV), cut by {@code org.Visibility}. Owns no tables;
 * reads org's, calc's and calendar's views, SalesFigures, sales' PerformanceFigures, ActivityReads and ActivityMonths. */
package org.attain.analytics;
