package org.attain.ingest.lookup;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.attain.ingest.profiles.FieldType;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.org.OrgKeys;
import org.attain.sales.SalesKeys;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything the rows of one import may refer to, loaded once before the rows are read so each
 * reference resolves with a hash lookup: people, teams, regions, accounts, products, periods and
 * opportunities. Read once (read-only, ids and names only) for the same reason as {@link References}:
 * one service call per row would dominate the import; teams through {@link OrgKeys}, the sales keys through {@link SalesKeys}.
 */
public final class Lookups {

    private final Directory people;
    private final Map<String, String> emailOwners = new HashMap<>();
    private final Map<Long, String> currencies = new HashMap<>();
    private final Names<Long> teams = new Names<>("team");
    private final Names<Long> regions = new Names<>("region");
    private final Names<Long> accounts = new Names<>("account");
    private final Names<String> products = new Names<>("product");
    private final Names<String> periods = new Names<>("period");
    private final Set<String> closedPeriods = new HashSet<>();
    private final Names<Long> opportunities = new Names<>("opportunity");

    private Lookups(Directory people) {
        this.people = people;
    }

    public static Lookups load(JdbcClient jdbc, ImportProfile profile, Set<FieldType> needed) {
        Lookups l = new Lookups(References.load(jdbc, profile));
        jdbc.sql("select id, external_id, lower(email), currency from org_person_v")
                .query((rs, n) -> {
                    l.emailOwners.put(rs.getString(3), rs.getString(2));
                    l.currencies.put(rs.getLong(1), rs.getString(4));
                    return 0;
                })
                .list();
        if (needed.contains(FieldType.TEAM)) {
            OrgKeys.teams(jdbc, (id, code, name) -> l.teams.add(code, id).add(name, id));
        }
        if (needed.contains(FieldType.REGION)) {
            SalesKeys.regions(jdbc, (id, code, name) -> l.regions.add(code, id).add(name, id));
        }
        if (needed.contains(FieldType.ACCOUNT)) {
            // Accounts of the import's own source last, so they win over a namesake from another system.
            SalesKeys.accounts(jdbc, profile.source(), l.accounts::add);
        }
        if (needed.contains(FieldType.PRODUCT)) {
            l.loadProducts(jdbc);
        }
        if (needed.contains(FieldType.PERIOD)) {
            jdbc.sql("select id, status from calendar_period_v")
                    .query((rs, n) -> {
                        l.periods.add(rs.getString(1), rs.getString(1));
                        if (rs.getString(2).equals("CLOSED")) {
                            l.closedPeriods.add(rs.getString(1));
                        }
                        return 0;
                    })
                    .list();
        }
        if (needed.contains(FieldType.OPPORTUNITY)) {
            SalesKeys.opportunities(jdbc, profile.source(), l.opportunities::add);
        }
        return l;
    }

    /** The product catalogue alone, for transaction files: codes and names both lead to the code. */
    public static Names<String> products(JdbcClient jdbc) {
        Lookups l = new Lookups(null);
        l.loadProducts(jdbc);
        return l.products;
    }

    private void loadProducts(JdbcClient jdbc) {
        SalesKeys.products(jdbc, (code, name) -> products.add(code, code).add(name, code));
    }

    /** The id or code a reference cell stands for, or why it stands for nothing. */
    public Names.Found<?> resolve(FieldType type, String value, String words) {
        return switch (type) {
            case PERSON -> {
                Directory.Resolution r = people.person(value, words);
                yield new Names.Found<>(r.id(), r.reason(), r.suggestion());
            }
            case TEAM -> teams.find(value);
            case REGION -> regions.find(value);
            case ACCOUNT -> accounts.find(value);
            case PRODUCT -> products.find(value);
            case OPPORTUNITY -> opportunities.find(value);
            case PERIOD -> {
                Names.Found<String> p = periods.find(value);
                yield p.ok() && closedPeriods.contains(p.value())
                        ? new Names.Found<>(
                                null, "period " + p.value() + " is closed; reopen it first or use an open period", null)
                        : p;
            }
            default -> throw new IllegalArgumentException(type + " is not a reference");
        };
    }

    public static final Set<FieldType> REFERENCES = EnumSet.of(
            FieldType.PERSON,
            FieldType.TEAM,
            FieldType.REGION,
            FieldType.ACCOUNT,
            FieldType.PRODUCT,
            FieldType.PERIOD,
            FieldType.OPPORTUNITY);

    /** The employee id of the person who has this e-mail address, or null. */
    public String emailOwner(String email) {
        return emailOwners.get(email.toLowerCase(Locale.ROOT));
    }

    public String currencyOf(long personId) {
        return currencies.get(personId);
    }
}
