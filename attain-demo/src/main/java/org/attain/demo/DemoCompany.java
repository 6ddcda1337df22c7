package org.attain.demo;

import java.util.List;
import java.util.function.Consumer;

/**
 * A generated company: the master data in memory (small even for 10,000 people) and the history
 * (opportunities, transactions, activities) regenerated on demand and pushed row by row, so
 * millions of rows never sit in memory. Each stream yields the same rows every time it is run.
 */
public final class DemoCompany {

    private final DemoParameters parameters;
    private final Organisation org;
    private final List<Account> accounts;

    DemoCompany(DemoParameters parameters, Organisation org, List<Account> accounts) {
        this.parameters = parameters;
        this.org = org;
        this.accounts = List.copyOf(accounts);
    }

    public DemoParameters parameters() {
        return parameters;
    }

    public List<Region> regions() {
        return org.regions();
    }

    public List<Team> teams() {
        return org.teams();
    }

    public List<Person> people() {
        return org.people();
    }

    public List<ReportingLine> reportingLines() {
        return org.reportingLines();
    }

    public List<TeamMembership> teamMemberships() {
        return org.memberships();
    }

    public List<Account> accounts() {
        return accounts;
    }

    public List<Product> products() {
        return Catalogue.ALL;
    }

    /** The people the app's demo users log in as. */
    public DemoLogins logins() {
        return org.logins();
    }

    /** Opportunities in id order; none in benchmark mode. */
    public void forEachOpportunity(Consumer<Opportunity> consumer) {
        if (!parameters.benchmarkMode()) {
            new HistoryWalk(parameters, org, accounts)
                    .run(
                            new DemoSink() {
                                @Override
                                public void opportunity(Opportunity opportunity) {
                                    consumer.accept(opportunity);
                                }
                            },
                            false);
        }
    }

    /** Transactions in id order: won deals, each followed by its cancellation or return if any. */
    public void forEachTransaction(Consumer<SalesTransaction> consumer) {
        DemoSink sink = new DemoSink() {
            @Override
            public void transaction(SalesTransaction transaction) {
                consumer.accept(transaction);
            }
        };
        if (parameters.benchmarkMode()) {
            new BenchmarkTransactions(parameters, org, accounts).run(sink);
        } else {
            new HistoryWalk(parameters, org, accounts).run(sink, false);
        }
    }

    /** Activities in id order; none in benchmark mode. */
    public void forEachActivity(Consumer<Activity> consumer) {
        if (!parameters.benchmarkMode()) {
            new HistoryWalk(parameters, org, accounts)
                    .run(
                            new DemoSink() {
                                @Override
                                public void activity(Activity activity) {
                                    consumer.accept(activity);
                                }
                            },
                            true);
        }
    }

    /** The whole history in one pass: cheaper than the three streams one after another. */
    public void streamHistory(DemoSink sink) {
        if (parameters.benchmarkMode()) {
            new BenchmarkTransactions(parameters, org, accounts).run(sink);
        } else {
            new HistoryWalk(parameters, org, accounts).run(sink, true);
        }
    }
}
