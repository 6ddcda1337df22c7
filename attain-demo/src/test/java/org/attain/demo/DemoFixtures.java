package org.attain.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The company the tests look at: the default demo company as of a fixed day. */
final class DemoFixtures {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    private static DemoCompany defaultCompany;

    private DemoFixtures() {}

    static synchronized DemoCompany defaultCompany() {
        if (defaultCompany == null) {
            defaultCompany = DemoGenerator.generate(DemoParameters.defaults(AS_OF));
        }
        return defaultCompany;
    }

    static List<SalesTransaction> transactions(DemoCompany company) {
        List<SalesTransaction> all = new ArrayList<>();
        company.forEachTransaction(all::add);
        return all;
    }

    static List<Opportunity> opportunities(DemoCompany company) {
        List<Opportunity> all = new ArrayList<>();
        company.forEachOpportunity(all::add);
        return all;
    }

    static Person person(DemoCompany company, String externalId) {
        return company.people().stream()
                .filter(p -> p.externalId().equals(externalId))
                .findFirst()
                .orElseThrow();
    }

    static List<ReportingLine> linesOf(DemoCompany company, String personId) {
        return company.reportingLines().stream()
                .filter(l -> l.personId().equals(personId))
                .toList();
    }
}
