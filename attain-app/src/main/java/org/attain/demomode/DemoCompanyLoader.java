package org.attain.demomode;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.attain.activity.ActivityBulkLoad;
import org.attain.demo.Activity;
import org.attain.demo.DemoCompany;
import org.attain.demo.DemoSink;
import org.attain.demo.Opportunity;
import org.attain.demo.SalesTransaction;
import org.attain.org.OrgBulkLoad;
import org.attain.org.RoleType;
import org.attain.sales.SalesBulkLoad;
import org.attain.territory.TerritoryBulkLoad;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a generated company into the database in one transaction, through each owner's bulk load:
 * master data row by row, the streams (opportunities, transactions, activities) spooled and sent by
 * COPY. Generated rows carry explicit ids so references resolve without a second pass.
 */
@Service
public class DemoCompanyLoader {

    public record Loaded(int people, long opportunities, long transactions, long activities) {}

    private final SalesBulkLoad sales;
    private final OrgBulkLoad org;
    private final ActivityBulkLoad activity;
    private final TerritoryBulkLoad territories;

    DemoCompanyLoader(SalesBulkLoad sales, OrgBulkLoad org, ActivityBulkLoad activity, TerritoryBulkLoad territories) {
        this.sales = sales;
        this.org = org;
        this.activity = activity;
        this.territories = territories;
    }

    @Transactional
    public Loaded load(DemoCompany company) {
        Map<String, Long> regions = new HashMap<>();
        Map<String, String> currencies = new HashMap<>();
        company.regions().forEach(r -> {
            regions.put(r.code(), sales.region(r.code(), r.name(), r.currency()));
            currencies.put(r.code(), r.currency());
        });
        Map<String, Long> teams = new HashMap<>();
        company.teams().forEach(t -> teams.put(t.code(), org.team(t.code(), t.name(), regions.get(t.regionCode()))));
        Map<String, Long> people = new HashMap<>();
        company.people()
                .forEach(p -> people.put(
                        p.externalId(),
                        org.person(
                                p.externalId(),
                                p.firstName(),
                                p.lastName(),
                                p.email(),
                                p.title(),
                                RoleType.valueOf(p.roleType().name()),
                                regions.get(p.regionCode()),
                                teams.get(p.teamCode()),
                                p.employmentStart(),
                                p.employmentEnd(),
                                p.currency())));
        company.reportingLines()
                .forEach(l -> org.reportingLine(
                        people.get(l.personId()), people.get(l.managerId()), l.validFrom(), l.validUntil()));
        company.teamMemberships()
                .forEach(m -> org.membership(
                        teams.get(m.teamCode()), people.get(m.personId()), m.validFrom(), m.validUntil()));
        company.products().forEach(p -> sales.product(p.code(), p.name(), p.family()));

        try (SalesBulkLoad.Spool deals = sales.spool();
                ActivityBulkLoad.Spool activities = activity.spool()) {
            Map<String, Long> accountIds = new HashMap<>();
            company.accounts().forEach(a -> {
                long id = accountIds.size() + 1L;
                accountIds.put(a.externalId(), id);
                deals.account(
                        id,
                        a.externalId(),
                        a.name(),
                        a.industry(),
                        a.country(),
                        a.sizeBand().name(),
                        a.employees(),
                        regions.get(a.regionCode()),
                        people.get(a.ownerId()),
                        currencies.containsKey(a.regionCode())
                                ? DemoPotentials.of(a.externalId(), a.employees())
                                : null,
                        currencies.get(a.regionCode()));
            });
            Map<String, Long> opportunityIds = new HashMap<>();
            company.streamHistory(new DemoSink() {
                @Override
                public void opportunity(Opportunity o) {
                    long id = opportunityIds.size() + 1L;
                    opportunityIds.put(o.externalId(), id);
                    deals.opportunity(
                            id,
                            o.externalId(),
                            o.name(),
                            accountIds.get(o.accountId()),
                            people.get(o.ownerId()),
                            o.stage().label(),
                            o.dealType().code(),
                            o.productCode(),
                            o.amount(),
                            o.currency(),
                            o.createdOn(),
                            o.closeDate(),
                            o.probability());
                }

                @Override
                public void transaction(SalesTransaction t) {
                    deals.transaction(
                            t.externalId(),
                            t.kind().name(),
                            t.status(),
                            opportunityIds.get(t.opportunityId()),
                            accountIds.get(t.accountId()),
                            people.get(t.ownerId()),
                            t.closeDate(),
                            t.amount(),
                            t.currency(),
                            t.dealType() == null ? null : t.dealType().code(),
                            t.productCode(),
                            t.termMonths(),
                            splitsWithIds(t, people),
                            t.attributesJson());
                }

                @Override
                public void activity(Activity a) {
                    activities.activity(
                            a.externalId(),
                            people.get(a.personId()),
                            a.kind().name(),
                            a.occurredAt(),
                            a.durationMinutes(),
                            a.outcome(),
                            accountIds.get(a.accountId()),
                            opportunityIds.get(a.opportunityId()));
                }
            });
            deals.copy();
            activities.copy();
            territories.demo(company.parameters().historyStart());
            return new Loaded(people.size(), deals.opportunities(), deals.transactions(), activities.rows());
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the demo company failed: " + e.getMessage(), e);
        }
    }

    /** Splits name people by external id in the generator; stored they name database ids. */
    private static String splitsWithIds(SalesTransaction t, Map<String, Long> people) {
        if (t.splits().isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < t.splits().size(); i++) {
            var s = t.splits().get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"person_id\":")
                    .append(people.get(s.personId()))
                    .append(",\"share\":")
                    .append(s.share().toPlainString())
                    .append('}');
        }
        return json.append(']').toString();
    }
}
