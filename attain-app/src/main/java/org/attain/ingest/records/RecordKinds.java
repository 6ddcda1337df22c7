package org.attain.ingest.records;

import static org.attain.ingest.profiles.Field.choice;
import static org.attain.ingest.profiles.Field.optional;
import static org.attain.ingest.profiles.Field.required;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.attain.ingest.Stored;
import org.attain.ingest.lookup.Lookups;
import org.attain.ingest.profiles.FieldType;
import org.attain.ingest.transactions.TransactionFields;
import org.attain.sales.BookedTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The record kinds besides transactions, as data: fields, natural key, checks and pay impact (their owners store them). */
public final class RecordKinds {

    public static final String TRANSACTIONS = "transactions";

    // No sales quota reaches this; beyond it a typo (an extra zero or three) is the likelier story.
    private static final BigDecimal IMPLAUSIBLE_QUOTA = new BigDecimal("1000000000");

    static final RecordKind PEOPLE = new RecordKind(
            "people",
            List.of(
                    required(
                            "external_id",
                            FieldType.TEXT,
                            "employee id",
                            "employee number",
                            "personnel number",
                            "personalnummer",
                            "id"),
                    required("first_name", FieldType.TEXT, "first name", "given name", "vorname"),
                    required("last_name", FieldType.TEXT, "last name", "surname", "family name", "nachname"),
                    required("email", FieldType.EMAIL, "e-mail", "email address", "work email", "e-mail-adresse"),
                    required("title", FieldType.TEXT, "job title", "position", "titel", "stelle"),
                    choice(
                            "role_type",
                            false,
                            "REP",
                            List.of("REP", "SDR", "OVERLAY", "MANAGER", "ADMIN"),
                            "role",
                            "rolle"),
                    optional("team", FieldType.TEAM, "team code", "team name"),
                    optional("region", FieldType.REGION, "region code", "region name"),
                    required("employment_start", FieldType.DATE, "start date", "hire date", "eintrittsdatum"),
                    optional("employment_end", FieldType.DATE, "end date", "termination date", "austrittsdatum"),
                    optional("currency", FieldType.CURRENCY, "pay currency", "währung")
                            .withFallback("USD")),
            List.of("external_id"),
            false,
            RecordKinds::checkPerson,
            RecordKinds::peopleWithNewDates,
            "/api/v1/people/bulk");

    static final RecordKind REPORTING_LINES = new RecordKind(
            "reporting_lines",
            List.of(
                    required("person", FieldType.PERSON, "employee", "employee id", "rep", "mitarbeiter"),
                    required("manager", FieldType.PERSON, "manager id", "reports to", "vorgesetzter"),
                    required("valid_from", FieldType.DATE, "from", "start", "effective date", "gültig ab"),
                    optional("valid_until", FieldType.DATE, "until", "end", "gültig bis")),
            List.of("person_id", "valid_from"),
            false,
            RecordKinds::checkLine,
            RecordKinds::linePeople,
            "/api/v1/reporting-lines/bulk");

    static final RecordKind TEAMS = new RecordKind(
            "teams",
            List.of(
                    required("code", FieldType.TEXT, "team code", "team id", "id"),
                    required("name", FieldType.TEXT, "team name", "team"),
                    optional("region", FieldType.REGION, "region code")),
            List.of("code"),
            false,
            RecordKind.RowCheck.NONE,
            RecordKind.PayImpact.NONE,
            "/api/v1/teams/bulk");

    static final RecordKind QUOTAS = new RecordKind(
            "quotas",
            List.of(
                    required("person", FieldType.PERSON, "employee", "employee id", "rep", "mitarbeiter"),
                    required("period", FieldType.PERIOD, "quarter", "period id", "quartal"),
                    optional("measure", FieldType.TEXT, "metric").withFallback("bookings"),
                    required("amount", FieldType.DECIMAL, "quota", "target", "quota amount", "ziel"),
                    optional("currency", FieldType.CURRENCY, "währung"),
                    optional("prorate", FieldType.BOOLEAN, "prorated").withFallback("true")),
            List.of("person_id", "period_id", "measure"),
            false,
            RecordKinds::checkQuota,
            RecordKinds::peopleOf,
            "/api/v1/quotas/bulk");

    /** A payee's target incentive (the variable part of OTE) and base salary for a month, quarter or fiscal year. */
    static final RecordKind TARGET_INCENTIVES = new RecordKind(
            "target_incentives",
            List.of(
                    required("person", FieldType.PERSON, "employee", "employee id", "rep", "mitarbeiter"),
                    required("period", FieldType.PERIOD, "quarter", "year", "period id", "quartal", "zeitraum"),
                    required(
                            "target",
                            FieldType.DECIMAL,
                            "target incentive",
                            "target_incentive",
                            "variable",
                            "variable pay",
                            "ote variable",
                            "zielprämie",
                            "variable vergütung"),
                    optional("base", FieldType.DECIMAL, "base salary", "base_salary", "salary", "grundgehalt", "fixum"),
                    optional("currency", FieldType.CURRENCY, "währung")),
            List.of("person_id", "period_id"),
            false,
            RecordKinds::checkTargetIncentive,
            RecordKinds::peopleOf,
            "/api/v1/target-incentives/bulk");

    static final RecordKind ACCOUNTS = new RecordKind(
            "accounts",
            List.of(
                    required("external_id", FieldType.TEXT, "account id", "customer id", "kundennummer", "id"),
                    required("name", FieldType.TEXT, "account name", "company", "customer", "kunde"),
                    optional("industry", FieldType.TEXT, "branche"),
                    optional("country", FieldType.COUNTRY, "country code", "land"),
                    optional(
                            "postal_code",
                            FieldType.TEXT,
                            "postal code",
                            "zip",
                            "zip code",
                            "postcode",
                            "plz",
                            "postleitzahl"),
                    choice("size_band", false, null, List.of("SMB", "MID", "ENTERPRISE"), "size", "segment"),
                    optional("employees", FieldType.INTEGER, "employee count", "mitarbeiterzahl"),
                    optional("region", FieldType.REGION, "region code"),
                    optional("owner", FieldType.PERSON, "account owner", "owner id"),
                    optional(
                            "potential",
                            FieldType.DECIMAL,
                            "account potential",
                            "market potential",
                            "sales potential",
                            "potenzial",
                            "kundenpotenzial",
                            "umsatzpotenzial"),
                    optional(
                            "potential_currency",
                            FieldType.CURRENCY,
                            "potential currency",
                            "potenzialwährung",
                            "währung potenzial")),
            List.of("external_id"),
            true,
            RecordKinds::checkAccount,
            RecordKind.PayImpact.NONE,
            "/api/v1/accounts/bulk");

    static final RecordKind PRODUCTS = new RecordKind(
            "products",
            List.of(
                    required("code", FieldType.TEXT, "product code", "sku", "artikelnummer"),
                    required("name", FieldType.TEXT, "product name", "product", "produkt"),
                    optional("family", FieldType.TEXT, "product family", "category", "produktfamilie")),
            List.of("code"),
            false,
            RecordKind.RowCheck.NONE,
            RecordKind.PayImpact.NONE,
            "/api/v1/products/bulk");

    static final RecordKind OPPORTUNITIES = new RecordKind(
            "opportunities",
            List.of(
                    required("external_id", FieldType.TEXT, "opportunity id", "deal id", "id"),
                    required("name", FieldType.TEXT, "opportunity name", "deal name"),
                    optional("account", FieldType.ACCOUNT, "account id"),
                    required("owner", FieldType.PERSON, "opportunity owner", "owner id", "sales rep"),
                    required("stage", FieldType.TEXT, "phase", "status"),
                    required("deal_type", FieldType.TEXT, "deal type", "type"),
                    optional("product", FieldType.PRODUCT, "product code", "product name"),
                    required("amount", FieldType.DECIMAL, "value", "deal value", "betrag"),
                    required("currency", FieldType.CURRENCY, "währung"),
                    required("created_on", FieldType.DATE, "created date", "created", "angelegt am"),
                    required("close_date", FieldType.DATE, "close date", "expected close", "abschlussdatum"),
                    optional("probability", FieldType.SHARE, "probability (%)", "wahrscheinlichkeit")
                            .withFallback("0")),
            List.of("external_id"),
            true,
            RecordKinds::checkOpportunity,
            RecordKind.PayImpact.NONE,
            "/api/v1/opportunities/bulk");

    static final RecordKind ACTIVITIES = new RecordKind(
            "activities",
            List.of(
                    required("external_id", FieldType.TEXT, "activity id", "id"),
                    required("person", FieldType.PERSON, "assigned to", "owner", "rep", "employee id"),
                    choice(
                            "kind",
                            true,
                            null,
                            List.of("CALL", "EMAIL", "MEETING", "WEBINAR"),
                            "type",
                            "activity type",
                            "typ"),
                    required("occurred_at", FieldType.TIMESTAMP, "date", "when", "start", "zeitpunkt"),
                    optional("duration_minutes", FieldType.INTEGER, "duration", "minutes", "dauer")
                            .withFallback("0"),
                    optional("outcome", FieldType.TEXT, "result", "ergebnis"),
                    optional("account", FieldType.ACCOUNT, "account id"),
                    optional("opportunity", FieldType.OPPORTUNITY, "opportunity id", "deal id")),
            List.of("external_id"),
            true,
            RecordKind.RowCheck.NONE,
            RecordKind.PayImpact.NONE,
            "/api/v1/activities/bulk");

    public static final RecordKind FX_RATES = new RecordKind(
            "fx_rates",
            List.of(
                    required("from_currency", FieldType.CURRENCY, "from", "source currency"),
                    required("to_currency", FieldType.CURRENCY, "to", "target currency"),
                    required("effective_from", FieldType.DATE, "date", "valid from", "effective date", "gültig ab"),
                    required("rate", FieldType.POSITIVE_DECIMAL, "fx rate", "exchange rate", "kurs")),
            List.of("from_currency", "to_currency", "effective_from"),
            false,
            RecordKinds::checkFx,
            RecordKinds::peopleBookingIn,
            "/api/v1/fx-rates/bulk");

    static final RecordKind TERRITORIES = new RecordKind(
            "territories",
            List.of(
                    required("code", FieldType.TEXT, "territory code", "territory id", "gebietskürzel", "kürzel", "id"),
                    required("name", FieldType.TEXT, "territory name", "territory", "gebiet", "gebietsname"),
                    choice(
                            "level",
                            true,
                            null,
                            List.of("AREA", "REGION", "DISTRICT", "TERRITORY"),
                            "territory level",
                            "ebene"),
                    optional(
                            "parent",
                            FieldType.TEXT,
                            "parent code",
                            "parent territory",
                            "übergeordnet",
                            "übergeordnetes gebiet"),
                    required("hierarchy", FieldType.TEXT, "hierarchy code", "hierarchie"),
                    required("valid_from", FieldType.DATE, "from", "start", "effective date", "gültig ab"),
                    optional("valid_until", FieldType.DATE, "until", "end", "gültig bis")),
            List.of("code"),
            false,
            RecordKinds::checkRange,
            RecordKind.PayImpact.NONE,
            "/api/v1/territories/bulk");

    static final RecordKind TERRITORY_RULES = new RecordKind(
            "territory_rules",
            List.of(
                    required("territory", FieldType.TEXT, "territory code", "gebiet", "gebietskürzel"),
                    required("precedence", FieldType.INTEGER, "priority", "order", "rank", "vorrang", "priorität"),
                    required("valid_from", FieldType.DATE, "from", "start", "effective date", "gültig ab"),
                    optional("valid_until", FieldType.DATE, "until", "end", "gültig bis"),
                    optional("countries", FieldType.TEXT, "country", "country codes", "länder", "land"),
                    optional("postal_from", FieldType.TEXT, "zip from", "postal code from", "plz von"),
                    optional("postal_to", FieldType.TEXT, "zip to", "postal code to", "plz bis"),
                    optional("industries", FieldType.TEXT, "industry", "branchen", "branche"),
                    optional(
                            "size_bands",
                            FieldType.TEXT,
                            "size band",
                            "size",
                            "segment",
                            "größenklassen",
                            "größenklasse"),
                    optional("accounts", FieldType.TEXT, "named accounts", "account ids", "kunden", "kundennummern")),
            List.of("territory", "precedence", "valid_from"),
            false,
            RecordKinds::checkRange,
            RecordKind.PayImpact.NONE,
            "/api/v1/territory-rules/bulk");

    static final RecordKind TERRITORY_MEMBERS = new RecordKind(
            "territory_members",
            List.of(
                    required("territory", FieldType.TEXT, "territory code", "gebiet", "gebietskürzel"),
                    required(
                            "person",
                            FieldType.PERSON,
                            "employee",
                            "employee id",
                            "owner",
                            "rep",
                            "mitarbeiter",
                            "person"),
                    required("valid_from", FieldType.DATE, "from", "start", "effective date", "gültig ab"),
                    choice("role", false, "OWNER", List.of("OWNER", "OVERLAY"), "member role", "rolle"),
                    optional("valid_until", FieldType.DATE, "until", "end", "gültig bis")),
            List.of("territory", "person_id", "valid_from"),
            false,
            RecordKinds::checkRange,
            RecordKind.PayImpact.NONE,
            "/api/v1/territory-members/bulk");

    static final RecordKind QUOTA_PLAN_TARGETS = new RecordKind(
            "quota_plan_targets",
            List.of(
                    required("plan", FieldType.TEXT, "quota plan", "plan id", "plan name", "quotenplan", "planung"),
                    required(
                            "person",
                            FieldType.PERSON,
                            "employee",
                            "employee id",
                            "node",
                            "manager",
                            "rep",
                            "mitarbeiter",
                            "führungskraft"),
                    optional("period", FieldType.PERIOD, "quarter", "year", "period id", "zeitraum", "periode"),
                    required("amount", FieldType.DECIMAL, "target", "quota", "number", "ziel", "zielwert", "betrag"),
                    optional("currency", FieldType.CURRENCY, "währung")),
            List.of("plan", "person_id"),
            false,
            RecordKinds::checkPlanNumber,
            RecordKind.PayImpact.NONE,
            "/api/v1/quota-plan-targets/bulk");

    static final RecordKind QUOTA_PLAN_SUBMISSIONS = new RecordKind(
            "quota_plan_submissions",
            List.of(
                    required("plan", FieldType.TEXT, "quota plan", "plan id", "plan name", "quotenplan", "planung"),
                    required(
                            "person",
                            FieldType.PERSON,
                            "manager",
                            "employee",
                            "employee id",
                            "führungskraft",
                            "mitarbeiter"),
                    optional("period", FieldType.PERIOD, "quarter", "year", "period id", "zeitraum", "periode"),
                    required(
                            "amount",
                            FieldType.DECIMAL,
                            "submission",
                            "bottom-up",
                            "commitment",
                            "number",
                            "zusage",
                            "meldung",
                            "betrag"),
                    optional("currency", FieldType.CURRENCY, "währung")),
            List.of("plan", "person_id"),
            false,
            RecordKinds::checkPlanNumber,
            RecordKind.PayImpact.NONE,
            "/api/v1/quota-plan-submissions/bulk");

    /** Budgets per period, team and category, written through budget's own checks (closed periods read-only). */
    static final RecordKind BUDGETS = new RecordKind(
            "budgets",
            List.of(
                    required("period", FieldType.PERIOD, "period id", "month", "quarter", "zeitraum", "periode"),
                    required("team", FieldType.TEAM, "team code", "team name"),
                    choice(
                            "category",
                            true,
                            null,
                            List.of("COMPENSATION", "HEADCOUNT", "MARKETING", "OTHER"),
                            "budget category",
                            "kind",
                            "kategorie",
                            "art"),
                    required("amount", FieldType.DECIMAL, "budget", "betrag"),
                    optional("currency", FieldType.CURRENCY, "währung")),
            List.of("period_id", "team_id", "category"),
            false,
            RecordKind.RowCheck.NONE,
            RecordKind.PayImpact.NONE,
            "/api/v1/budgets/bulk");

    public static final List<RecordKind> ALL = List.of(
            PEOPLE,
            REPORTING_LINES,
            TEAMS,
            QUOTAS,
            TARGET_INCENTIVES,
            ACCOUNTS,
            PRODUCTS,
            OPPORTUNITIES,
            ACTIVITIES,
            FX_RATES,
            TERRITORIES,
            TERRITORY_RULES,
            TERRITORY_MEMBERS,
            QUOTA_PLAN_TARGETS,
            QUOTA_PLAN_SUBMISSIONS,
            BUDGETS);

    private RecordKinds() {}

    public static Optional<RecordKind> named(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** Every record a profile may name, transactions first. */
    public static List<String> names() {
        List<String> names = new java.util.ArrayList<>(List.of(TRANSACTIONS));
        ALL.forEach(k -> names.add(k.name()));
        return names;
    }

    /** Canonical field names of a record, in the order a page shows them. */
    public static List<String> fieldNames(String record) {
        return record.equals(TRANSACTIONS)
                ? TransactionFields.ALL
                : named(record).map(RecordKind::fieldNames).orElse(List.of());
    }

    private static void checkPerson(Map<String, Object> v, Lookups lookups, RecordKind.Problems problems) {
        LocalDate start = (LocalDate) v.get("employment_start");
        LocalDate end = (LocalDate) v.get("employment_end");
        if (start != null && end != null && end.isBefore(start)) {
            problems.add("employment_end", end, "employment ends " + end + ", before it starts " + start, null);
        }
        String email = (String) v.get("email");
        String owner = email == null ? null : lookups.emailOwner(email);
        if (owner != null && !owner.equals(v.get("external_id"))) {
            problems.add("email", email, "e-mail " + email + " already belongs to person " + owner, null);
        }
    }

    private static void checkLine(Map<String, Object> v, Lookups lookups, RecordKind.Problems problems) {
        if (v.get("person_id") != null && Objects.equals(v.get("person_id"), v.get("manager_id"))) {
            problems.add("manager_id", v.get("manager_id"), "a person cannot be their own manager", null);
        }
        LocalDate from = (LocalDate) v.get("valid_from");
        LocalDate until = (LocalDate) v.get("valid_until");
        if (from != null && until != null && !until.isAfter(from)) {
            problems.add("valid_until", until, "valid_until " + until + " must be after valid_from " + from, null);
        }
    }

    /** Territories, rules and members: valid_until, when given, after valid_from (the owner checks the rest per row). */
    private static void checkRange(Map<String, Object> v, Lookups lookups, RecordKind.Problems problems) {
        LocalDate from = (LocalDate) v.get("valid_from");
        LocalDate until = (LocalDate) v.get("valid_until");
        if (from != null && until != null && !until.isAfter(from)) {
            problems.add("valid_until", until, "valid_until " + until + " must be after valid_from " + from, null);
        }
    }

    /** A potential is money: not negative, and with its currency (both or neither, as the account table says). */
    private static void checkAccount(Map<String, Object> v, Lookups lookups, RecordKind.Problems problems) {
        BigDecimal potential = (BigDecimal) v.get("potential");
        if (potential != null && potential.signum() < 0) {
            problems.add("potential", potential.toPlainString(), "a potential cannot be negative", null);
        }
        if (potential != null && v.get("potential_currency") == null) {
            problems.add("potential_currency", "", "a potential needs its currency (e.g. EUR)", null);
        } else if (potential == null && v.get("potential_currency") != null) {
            problems.add(
                    "potential", "", "a potential currency was given without a potential; give both or neither", null);
        }
    }

    private static void checkQuota(Map<String, Object> v, Lookups lookups, RecordKind.Problems problems) {
        BigDecimal amount = (BigDecimal) v.get("amount");
        if (amount != null && amount.signum() < 0) {
            problems.add("amount", amount.toPlainString(), "a quota cannot be negative", null);
        } else if (amount != null && amount.compareTo(IMPLAUSIBLE_QUOTA) >= 0) {
            problems.add(
                    "amount",
                    amount.toPlainString(),
                    "a quota of " + amount.toPlainString() + " is implausibly large",
                    null);
        }
        if (v.get("currency") == null && v.get("person_id") != null) {
            v.put("currency", lookups.currencyOf((Long) v.get("person_id")));
        }
    }

    /** Money, not negative nor implausible; the person's currency when none is given. */
    private static void checkTargetIncentive(Map<String, Object> v, Lookups lookups, RecordKind.Problems problems) {
        for (String field : List.of("target", "base")) {
            BigDecimal amount = (BigDecimal) v.get(field);
            if (amount != null && amount.signum() < 0) {
                problems.add(field, amount.toPlainString(), "a " + field + " cannot be negative", null);
            } else if (amount != null && amount.compareTo(IMPLAUSIBLE_QUOTA) >= 0) {
                problems.add(
                        field,
                        amount.toPlainString(),
                        "a " + field + " of " + amount.toPlainString() + " is implausibly large",
                        null);
            }
        }
        if (v.get("currency") == null && v.get("person_id") != null) {
            v.put("currency", lookups.currencyOf((Long) v.get("person_id")));
        }
    }

    /** A plan's number: not negative, whole cents (the plan checks the rest per row). */
    private static void checkPlanNumber(Map<String, Object> v, Lookups lookups, RecordKind.Problems problems) {
        BigDecimal amount = (BigDecimal) v.get("amount");
        if (amount != null && amount.signum() < 0) {
            problems.add("amount", amount.toPlainString(), "a plan's number cannot be negative", null);
        } else if (amount != null && amount.stripTrailingZeros().scale() > 2) {
            problems.add("amount", amount.toPlainString(), "must be whole cents (at most two decimals)", null);
        }
    }

    private static void checkOpportunity(Map<String, Object> v, Lookups lookups, RecordKind.Problems problems) {
        LocalDate created = (LocalDate) v.get("created_on");
        LocalDate close = (LocalDate) v.get("close_date");
        if (created != null && close != null && close.isBefore(created)) {
            problems.add("close_date", close, "close date " + close + " is before the creation date " + created, null);
        }
    }

    private static void checkFx(Map<String, Object> v, Lookups lookups, RecordKind.Problems problems) {
        if (v.get("from_currency") != null && v.get("from_currency").equals(v.get("to_currency"))) {
            problems.add("to_currency", v.get("to_currency"), "a rate converts between two different currencies", null);
        }
    }

    /** A person whose employment dates moved may gain or lose pay in those periods; a new team may mean a new pod. */
    private static Set<Long> peopleWithNewDates(List<RecordKind.Change> changes, JdbcClient jdbc) {
        Set<Long> ids = new TreeSet<>();
        for (RecordKind.Change c : changes) {
            if (c.before() != null
                    && List.of("employment_start", "employment_end", "team_id").stream()
                            .anyMatch(col -> !Objects.equals(
                                    Stored.text(c.before().get(col)),
                                    Stored.text(c.after().get(col))))) {
                ids.add(c.id());
            }
        }
        return ids;
    }

    /** The person, and their managers before and after (manager overrides are paid from the line). */
    private static Set<Long> linePeople(List<RecordKind.Change> changes, JdbcClient jdbc) {
        Set<Long> ids = new TreeSet<>();
        for (RecordKind.Change c : changes) {
            for (Map<String, Object> values : java.util.Arrays.asList(c.before(), c.after())) {
                if (values != null) {
                    addId(ids, values.get("person_id"));
                    addId(ids, values.get("manager_id"));
                }
            }
        }
        return ids;
    }

    private static Set<Long> peopleOf(List<RecordKind.Change> changes, JdbcClient jdbc) {
        Set<Long> ids = new TreeSet<>();
        changes.forEach(c -> addId(ids, c.after().get("person_id")));
        return ids;
    }

    /** Owners of transactions in a changed currency closed on or after the earliest changed rate. */
    private static Set<Long> peopleBookingIn(List<RecordKind.Change> changes, JdbcClient jdbc) {
        if (changes.isEmpty()) {
            return Set.of();
        }
        Set<String> currencies = new HashSet<>();
        LocalDate earliest = null;
        for (RecordKind.Change c : changes) {
            currencies.add(Stored.text(c.after().get("from_currency")));
            currencies.add(Stored.text(c.after().get("to_currency")));
            LocalDate from = LocalDate.parse(Stored.text(c.after().get("effective_from")));
            earliest = earliest == null || from.isBefore(earliest) ? from : earliest;
        }
        return BookedTransactions.ownersBookingIn(jdbc, currencies, earliest);
    }

    private static void addId(Set<Long> ids, Object id) {
        if (id instanceof Number n) {
            ids.add(n.longValue());
        }
    }

    /**
     * A field as the mapping page lists it.
     *
     * @param takes message key of what the field takes (its type, in the page's language)
     */
    public record FieldRow(String name, boolean required, String takes, List<String> choices, String fallback) {}

    private static final List<FieldRow> TRANSACTION_ROWS = List.of(
            row(TransactionFields.EXTERNAL_ID, true, FieldType.TEXT),
            row(TransactionFields.CLOSE_DATE, true, FieldType.DATE),
            row(TransactionFields.AMOUNT, true, FieldType.DECIMAL),
            row(TransactionFields.CURRENCY, true, FieldType.CURRENCY),
            row(TransactionFields.OWNER, true, FieldType.PERSON),
            new FieldRow(
                    TransactionFields.KIND,
                    false,
                    FieldType.CHOICE.key(),
                    TransactionFields.KINDS.stream().sorted().toList(),
                    "DEAL"),
            new FieldRow(TransactionFields.STATUS, false, FieldType.TEXT.key(), List.of(), "won"),
            row(TransactionFields.DEAL_TYPE, false, FieldType.TEXT),
            row(TransactionFields.PRODUCT_CODE, false, FieldType.PRODUCT),
            row(TransactionFields.TERM_MONTHS, false, FieldType.INTEGER),
            row(TransactionFields.ACCOUNT, false, FieldType.ACCOUNT),
            new FieldRow(TransactionFields.SPLITS, false, "ingest.takes.splits", List.of(), null),
            new FieldRow(TransactionFields.ATTRIBUTES, false, "ingest.takes.attributes", List.of(), null),
            new FieldRow(TransactionFields.REFERS_TO, false, "ingest.takes.refersTo", List.of(), null));

    private static FieldRow row(String name, boolean required, FieldType type) {
        return new FieldRow(name, required, type.key(), List.of(), null);
    }

    /** The fields of a record in page order: name, whether rows need it, what it takes, the value used when empty. */
    public static List<FieldRow> rows(String record) {
        if (record.equals(TRANSACTIONS)) {
            return TRANSACTION_ROWS;
        }
        return named(record).orElseThrow().fields().stream()
                .map(f -> new FieldRow(f.name(), f.required(), f.type().key(), f.choices(), f.fallback()))
                .toList();
    }
}
