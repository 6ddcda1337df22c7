/**
 * Territory balancing: moves accounts between territories so that each lies within a band around the
 * mean of the chosen metrics (Timefold Solver, constraint streams), keeps locked and named accounts where
 * they are, and runs in the background with progress and a stop that keeps the best plan found so far. The
 * "minimise disruption" weight is the price of a move in percent of the mean, against the territories' summed
 * distance from the mean in the same unit; the search starts from a greedy repair ({@code Repair}) into the band.
 * Pure in {@link org.attain.territory.balance.TerritoryBalancer}; the job runner is {@code BalanceJobs}.
 * {@link org.attain.territory.balance.CompanyBalance} balances the company's own territories: {@code CompanyProblem}
 * builds the problem from a hierarchy on a day, inside one region unless asked otherwise (territories in force,
 * accounts assigned by {@code TerritoryAssignments};
 * potential from {@code sales_account_v}, won bookings per account from {@code SalesFigures}, both converted into the
 * company currency ({@code attain.company-currency}, default USD) by {@code FxRates}; workload from
 * {@code ActivityReads}; accounts named by a rule in force that day and accounts the planner locks never move), and
 * accepts moves through {@code TerritoryChanges.moveAccounts} from a day outside closed periods, audited. Owns no
 * tables; runs and what they were built from live in memory.
 */
package org.attain.territory.balance;
