package org.attain.demomode;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.attain.demo.Activity;
import org.attain.demo.DemoCompany;
import org.attain.demo.DemoSink;
import org.attain.demo.Opportunity;
import org.attain.demo.SalesTransaction;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a generated company into the database in one transaction: master data row by row, the
 * streams (opportunities, transactions, activities) through COPY. Generated rows carry explicit ids
 * so references resolve without a second pass.
 */
@Service
public class DemoCompanyLoader {

    public record Loaded(int people, long opportunities, long transactions, long activities) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    DemoCompanyLoader(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Transactional
    public Loaded load(DemoCompany company) {
        Map<String, Long> regions = new HashMap<>();
        company.regions().forEach(r -> regions.put(r.code(), jdbc.sql(
                "insert into region(code, name, currency) values (:c, :n, :cur) returning id")
                .param("c", r.code()).param("n", r.name()).param("cur", r.currency()).query(Long.class).single()));
        Map<String, Long> teams = new HashMap<>();
        company.teams().forEach(t -> teams.put(t.code(), jdbc.sql(
                "insert into team(code, name, region_id) values (:c, :n, :r) returning id")
                .param("c", t.code()).param("n", t.name()).param("r", regions.get(t.regionCode())).query(Long.class).single()));
        Map<String, Long> people = new HashMap<>();
        company.people().forEach(p -> people.put(p.externalId(), jdbc.sql("""
                insert into person(external_id, first_name, last_name, email, title, role_type, region_id, team_id,
                                   employment_start, employment_end, currency)
                values (:x, :f, :l, :e, :t, :r, :region, :team, :s, :end, :cur) returning id""")
                .param("x", p.externalId()).param("f", p.firstName()).param("l", p.lastName()).param("e", p.email())
                .param("t", p.title()).param("r", p.roleType().name()).param("region", regions.get(p.regionCode()))
                .param("team", teams.get(p.teamCode())).param("s", p.employmentStart()).param("end", p.employmentEnd())
                .param("cur", p.currency()).query(Long.class).single()));
        company.reportingLines().forEach(l -> jdbc.sql(
                "insert into reporting_line(person_id, manager_id, valid_from, valid_until) values (:p, :m, :f, :u)")
                .param("p", people.get(l.personId())).param("m", people.get(l.managerId()))
                .param("f", l.validFrom()).param("u", l.validUntil()).update());
        company.teamMemberships().forEach(m -> jdbc.sql(
                "insert into team_membership(team_id, person_id, valid_from, valid_until) values (:t, :p, :f, :u)")
                .param("t", teams.get(m.teamCode())).param("p", people.get(m.personId()))
                .param("f", m.validFrom()).param("u", m.validUntil()).update());
        company.products().forEach(p -> jdbc.sql("insert into product(code, name, family) values (:c, :n, :f)")
                .param("c", p.code()).param("n", p.name()).param("f", p.family()).update());

        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (SpooledCopy accounts = new SpooledCopy("account", "id, external_id, name, industry, country, size_band, employees, region_id, owner_id");
             SpooledCopy opportunities = new SpooledCopy("opportunity",
                     "id, external_id, name, account_id, owner_id, stage, deal_type, product_code, amount, currency, created_on, close_date, probability");
             SpooledCopy transactions = new SpooledCopy("sales_transaction",
                     "external_id, kind, status, opportunity_id, account_id, owner_id, close_date, amount, currency, deal_type,"
                             + " product_code, term_months, splits, attributes");
             SpooledCopy activities = new SpooledCopy("activity",
                     "external_id, person_id, kind, occurred_at, duration_minutes, outcome, account_id, opportunity_id")) {
            Map<String, Long> accountIds = new HashMap<>();
            company.accounts().forEach(a -> {
                long id = accountIds.size() + 1L;
                accountIds.put(a.externalId(), id);
                accounts.row(id, a.externalId(), a.name(), a.industry(), a.country(), a.sizeBand().name(), a.employees(),
                        regions.get(a.regionCode()), people.get(a.ownerId()));
            });
            Map<String, Long> opportunityIds = new HashMap<>();
            company.streamHistory(new DemoSink() {
                @Override
                public void opportunity(Opportunity o) {
                    long id = opportunityIds.size() + 1L;
                    opportunityIds.put(o.externalId(), id);
                    opportunities.row(id, o.externalId(), o.name(), accountIds.get(o.accountId()), people.get(o.ownerId()),
                            o.stage().label(), o.dealType().code(), o.productCode(), o.amount().toPlainString(), o.currency(),
                            o.createdOn(), o.closeDate(), o.probability().toPlainString());
                }

                @Override
                public void transaction(SalesTransaction t) {
                    transactions.row(t.externalId(), t.kind().name(), t.status(), opportunityIds.get(t.opportunityId()),
                            accountIds.get(t.accountId()), people.get(t.ownerId()), t.closeDate(), t.amount().toPlainString(),
                            t.currency(), t.dealType() == null ? null : t.dealType().code(), t.productCode(), t.termMonths(),
                            splitsWithIds(t, people), t.attributesJson());
                }

                @Override
                public void activity(Activity a) {
                    activities.row(a.externalId(), people.get(a.personId()), a.kind().name(), a.occurredAt(),
                            a.durationMinutes(), a.outcome(), accountIds.get(a.accountId()), opportunityIds.get(a.opportunityId()));
                }
            });
            accounts.copyInto(connection);
            opportunities.copyInto(connection);
            transactions.copyInto(connection);
            activities.copyInto(connection);
            jdbc.sql("select setval(pg_get_serial_sequence('account', 'id'), greatest((select max(id) from account), 1))").query().singleRow();
            jdbc.sql("select setval(pg_get_serial_sequence('opportunity', 'id'), greatest((select max(id) from opportunity), 1))").query().singleRow();
            return new Loaded(people.size(), opportunities.rows(), transactions.rows(), activities.rows());
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
            json.append("{\"person_id\":").append(people.get(s.personId()))
                    .append(",\"share\":").append(s.share().toPlainString()).append('}');
        }
        return json.append(']').toString();
    }
}
