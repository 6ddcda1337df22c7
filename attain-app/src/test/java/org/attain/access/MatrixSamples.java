package org.attain.access;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real ids of the demo company for the path variables of every mapping: the variable's meaning comes from
 * the path before it ({@code /runs/{id}} is a run, {@code /people/{id}} a person). A person variable is
 * the subject the matrix asks about (own, a subtree member, someone outside); a variable with no row in
 * the database becomes {@code 0} and is reported as "no sample".
 */
final class MatrixSamples {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    /** Patterns whose person variable is the data's owner: they are asked once per subject. */
    private static final Pattern PERSON_PATH = Pattern.compile(
            "^(/api/v1)?/people/\\{id}.*|.*/reps/\\{id}.*|.*/statements/\\{personId}.*|.*/nodes/\\{personId}.*"
                    + "|^(/api/v1)?/disputes/\\{id}.*");

    private final JdbcClient jdbc;
    private final LocalDate today;
    private final Map<String, String> cache = new HashMap<>();

    MatrixSamples(JdbcClient jdbc, LocalDate today) {
        this.jdbc = jdbc;
        this.today = today;
    }

    static boolean personScoped(String pattern) {
        return PERSON_PATH.matcher(pattern).matches();
    }

    /** The pattern with its variables replaced; {@code null} when some variable has no row. */
    String path(String pattern, long subject) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = value(pattern.substring(0, m.start()), m.group(1), subject);
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        // The health groups behind /actuator/health/**: liveness stands for all of them.
        return out.toString().replace("/**", "/liveness");
    }

    private String value(String before, String var, long subject) {
        if (before.endsWith("/disputes/")) {
            return one("select min(id) from dispute where person_id = " + subject);
        }
        if (before.endsWith("/people/")
                || before.endsWith("/reps/")
                || var.equals("personId")
                || before.endsWith("/coaching/reps/")) {
            return Long.toString(subject);
        }
        if (var.equals("line")) {
            return "1";
        }
        if (before.endsWith("/scim/v2/Groups/")) {
            return "REP";
        }
        String key = before.replaceAll("\\{[^}]+}", "*") + var;
        return cache.computeIfAbsent(key, k -> lookup(before, var));
    }

    private String lookup(String before, String var) {
        if (var.equals("report")) {
            return before.contains("finance") ? "commission-cost" : "team-targets";
        }
        if (var.equals("kind")) {
            return before.contains("connectors") ? "salesforce" : "territories";
        }
        if (var.equals("source")) {
            return "crm";
        }
        if (var.equals("token")) {
            return "no-such-token";
        }
        if (var.equals("record")) {
            return "people";
        }
        if (var.equals("component")) {
            return "commission";
        }
        if (var.equals("key")) {
            return one("select min(plan_key) from plan_version");
        }
        if (var.equals("period")) {
            return one("select max(id) from period where kind = 'MONTH' and ends_on < cast('" + today + "' as date)");
        }
        if (var.equals("rowId")) {
            return one("select min(id) from ingest_quarantine");
        }
        if (var.equals("memberId")) {
            return one("select min(id) from territory_member");
        }
        if (var.equals("ruleId")) {
            return one("select min(id) from territory_rule");
        }
        String table = tableBefore(before);
        return table == null ? "0" : one("select min(id) from " + table);
    }

    private static String tableBefore(String before) {
        String[][] tables = {
            {"/runs/", "calc_run"},
            {"/imports/", "ingest_import"},
            {"/boards/", "game_board"},
            {"/contests/", "game_contest"},
            {"/awards/", "game_award"},
            {"/chat-webhooks/", "game_chat_webhook"},
            {"/chat/webhooks/", "game_chat_webhook"},
            {"/tv-links/", "game_tv_link"},
            {"/scenarios/", "plan_scenario"},
            {"/quota-plans/", "quota_plan"},
            {"/planning/quotas/", "quota_plan"},
            {"/exports/", "payroll_export"},
            {"/periods/", "period"},
            {"/surveys/", "pulse_survey"},
            {"/territories/", "territory"},
            {"/subscriptions/", "integration_subscription"},
            {"/deals/", "opportunity"},
            {"/attrition/", "capacity_attrition"},
            {"/hires/", "capacity_hire"},
            {"/ramp-profiles/", "capacity_ramp_profile"},
            {"/chains/", "payout_approval_chain"},
            {"/users/", "app_user"},
            {"/scim/v2/Users/", "app_user"},
            {"/tokens/", "api_token"},
        };
        for (String[] t : tables) {
            if (before.endsWith(t[0])) {
                return t[1];
            }
        }
        return null;
    }

    private String one(String sql) {
        var rows = jdbc.sql(sql).query().listOfRows();
        Object v = rows.isEmpty() ? null : rows.get(0).values().iterator().next();
        return v == null ? null : v.toString();
    }
}
