package org.attain.demo;

import java.util.List;

/**
 * Entry point: builds a {@link DemoCompany} from {@link DemoParameters}. Pure and deterministic:
 * no clock, no I/O, no shared state; the same parameters give the same company.
 */
public final class DemoGenerator {

    private DemoGenerator() {}

    public static DemoCompany generate(DemoParameters parameters) {
        Organisation org = new OrgBuilder(parameters).build();
        List<Account> accounts = AccountBuilder.build(parameters, org.seats());
        return new DemoCompany(parameters, org, accounts);
    }
}
