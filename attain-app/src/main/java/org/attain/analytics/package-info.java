/** Performance insight from live results: team tables, top and low performers with their reasons (PerformerClassifier over
 * PerformanceReview's metrics, peers in the same role, ramping reps with ramping peers), each rep's standing among peers
 * (rank band and distance to the median, /standing), trends against the team median. Owns no tables; reads org's and calc's
 * views, SalesFigures and ActivityReads. */
package org.attain.analytics;
