/**
 * Territory balancing: moves accounts between territories so that each lies within a band around the
 * mean of the chosen metrics (Timefold Solver, constraint streams), keeps locked and named accounts where
 * they are, and runs in the background with progress and a stop that keeps the best plan found so far.
 * Pure in {@link org.attain.territory.balance.TerritoryBalancer}; the job runner is {@code BalanceJobs}.
 * Owns no tables.
 */
package org.attain.territory.balance;
