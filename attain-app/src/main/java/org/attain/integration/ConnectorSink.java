package org.attain.integration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.activity.ActivityCapture;
import org.attain.activity.Captured;
import org.attain.activity.NewActivity;
import org.attain.ingest.Bounds;
import org.attain.ingest.TransactionFeed;
import org.attain.sales.OpportunityWrites;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where both connectors put what they read, in vendor-neutral form: owners are matched to people by
 * e-mail, accounts and open deals are upserted, won deals are booked through the import load path
 * (one feed load per page), activities are captured. Counts what happened for the run record.
 */
final class ConnectorSink {

    record Deal(
            String id,
            String name,
            String accountId,
            String ownerId,
            String stage,
            boolean won,
            boolean lost,
            BigDecimal amount,
            String currency,
            LocalDate createdOn,
            LocalDate closeDate,
            BigDecimal probability,
            String type) {}

    record Activity(
            String id,
            String ownerId,
            String kind,
            Instant occurredAt,
            Integer minutes,
            String outcome,
            String accountId,
            String dealId) {}

    private final String source;
    private final JdbcClient jdbc;
    private final CrmRecords crm;
    private final TransactionFeed feed;
    private final ActivityCapture activities;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> ownerEmails = new HashMap<>();

    ConnectorSink(String source, JdbcClient jdbc, CrmRecords crm, TransactionFeed feed, ActivityCapture activities) {
        this.source = source;
        this.jdbc = jdbc;
        this.crm = crm;
        this.feed = feed;
        this.activities = activities;
        jdbc.sql("select owner_id, email from integration_owner where kind = :k")
                .param("k", source)
                .query(rs -> {
                    ownerEmails.put(rs.getString(1), rs.getString(2));
                });
    }

    void owner(String ownerId, String email) {
        Long person = crm.person(email);
        jdbc.sql("""
                insert into integration_owner(kind, owner_id, email, person_id) values (:k, :o, :e, :p)
                on conflict (kind, owner_id) do update set email = excluded.email, person_id = excluded.person_id""")
                .param("k", source)
                .param("o", ownerId)
                .param("e", email)
                .param("p", person)
                .update();
        ownerEmails.put(ownerId, email);
        count(person == null ? "ownersUnmatched" : "owners", 1);
    }

    void account(String id, String name, String industry, String ownerId) {
        Long person = crm.person(ownerEmails.get(ownerId));
        count(crm.upsertAccount(source, id, name, industry, person) ? "accounts" : "accountsUnchanged", 1);
    }

    void deals(List<Deal> page) {
        List<Map<String, String>> won = new ArrayList<>();
        for (Deal d : page) {
            String email = ownerEmails.get(d.ownerId());
            Long person = crm.person(email);
            if (d.amount() == null || d.closeDate() == null) {
                problem("deal " + d.id() + " has no " + (d.amount() == null ? "amount" : "close date") + "; skipped");
                continue;
            }
            Bounds.Refusal refusal = refusal(d);
            if (refusal != null) {
                // a won deal still goes to the feed, whose quarantine keeps it with the same reason to fix and replay
                problem("deal " + d.id() + ": " + refusal.english() + (d.won() ? "" : "; skipped"));
                if (!d.won()) {
                    continue;
                }
            } else if (person == null) {
                problem("deal " + d.id() + ": owner " + d.ownerId() + " (" + email + ") matches no person by e-mail");
                if (!d.won()) {
                    continue;
                }
            } else {
                String stage = d.won() ? InboundEvents.WON_STAGE : d.lost() ? "Closed Lost" : d.stage();
                boolean changed = crm.upsertDeal(
                        source,
                        new OpportunityWrites.Deal(
                                d.id(),
                                d.name(),
                                d.accountId(),
                                person,
                                stage,
                                d.type(),
                                null,
                                d.amount(),
                                d.currency(),
                                d.createdOn(),
                                d.closeDate(),
                                d.won() ? BigDecimal.ONE : d.probability()));
                count(changed ? "deals" : "dealsUnchanged", 1);
            }
            if (d.won()) {
                Map<String, String> r = new LinkedHashMap<>();
                r.put("external_id", d.id());
                r.put("close_date", d.closeDate().toString());
                r.put("amount", d.amount().toPlainString());
                r.put("currency", d.currency());
                r.put("owner", email == null ? d.ownerId() : email);
                r.put("kind", "DEAL");
                r.put("status", "won");
                r.put("deal_type", d.type());
                r.put("account", accountKnown(d.accountId()) ? d.accountId() : null);
                won.add(r);
            }
        }
        if (!won.isEmpty()) {
            TransactionFeed.Loaded loaded = feed.load(source, won, source + " connector", "connector:" + source);
            count("wonBooked", loaded.outcome().accepted());
            count("wonUnchanged", loaded.outcome().unchanged());
            count("wonQuarantined", loaded.outcome().rejected());
            if (loaded.outcome().rejected() > 0) {
                problem(loaded.outcome().rejected() + " won deals are in the quarantine of import "
                        + loaded.outcome().importId());
            }
        }
    }

    /** What the vendor sent that no opportunity may hold: the limits every other way in keeps too (a won deal is stored as certain). */
    private static Bounds.Refusal refusal(Deal d) {
        Bounds.Refusal r = d.id() == null ? null : Bounds.id(d.id());
        r = r != null ? r : Bounds.amount(d.amount());
        r = r != null ? r : Bounds.closeDate(d.closeDate());
        r = r != null || d.createdOn() == null ? r : Bounds.date(d.createdOn());
        r = r != null || d.currency() == null ? r : Bounds.currency(d.currency().toUpperCase(java.util.Locale.ROOT));
        BigDecimal p = d.probability();
        return r != null
                        || p == null
                        || d.won()
                        || p.signum() >= 0
                                && p.compareTo(BigDecimal.ONE) <= 0
                                && p.stripTrailingZeros().scale() <= 4
                ? r
                : new Bounds.Refusal("ingest.bound.share", p.toString());
    }

    void activities(List<Activity> page) {
        List<NewActivity> records = page.stream()
                .map(a -> new NewActivity(
                        a.id(),
                        ownerEmails.getOrDefault(a.ownerId(), source + " owner " + a.ownerId()),
                        a.kind(),
                        a.occurredAt(),
                        a.minutes(),
                        a.outcome(),
                        accountKnown(a.accountId()) ? a.accountId() : null,
                        dealKnown(a.dealId()) ? a.dealId() : null))
                .toList();
        Captured c = activities.capture(source, records);
        count("activities", c.accepted());
        count("activitiesUnchanged", c.unchanged());
        count("activitiesRejected", c.rejections().size());
        c.rejections().stream()
                .limit(20)
                .forEach(r -> problem("activity " + r.externalId() + ": " + r.field() + " " + r.reason()));
    }

    private boolean accountKnown(String id) {
        return id != null && crm.accountKnown(source, id);
    }

    private boolean dealKnown(String id) {
        return id != null && crm.dealKnown(source, id);
    }

    void count(String what, long n) {
        counts.merge(what, n, Long::sum);
    }

    private void problem(String text) {
        if (problems.size() < 100) {
            problems.add(text);
        }
    }

    Map<String, Long> counts() {
        return counts;
    }

    List<String> problems() {
        return problems;
    }
}
