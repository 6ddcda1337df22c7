package org.attain.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.attain.org.People;
import org.attain.sales.SalesFigures;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores activities from any source, idempotent by (source, external_id): a new id is inserted, a
 * known id with different values is updated, the same values again count as unchanged. Each record
 * is checked on its own; a bad one is rejected with field and reason and the rest are kept. The
 * daily summaries of every person and day touched (before and after a change) are rebuilt in the
 * same transaction, so tiles and dashboards never disagree with the rows.
 */
@Service
public class ActivityCapture {

    static final int MAX_DURATION_MINUTES = 24 * 60;

    private final JdbcClient jdbc;
    private final ActivitySummaries summaries;
    private final Clock clock;
    private final People people;
    private final SalesFigures sales;
    private final ApplicationEventPublisher events;

    ActivityCapture(
            JdbcClient jdbc,
            ActivitySummaries summaries,
            Clock clock,
            People people,
            SalesFigures sales,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.summaries = summaries;
        this.clock = clock;
        this.people = people;
        this.sales = sales;
        this.events = events;
    }

    private record Valid(NewActivity in, long personId, ActivityKind kind, Long accountId, Long dealId) {}

    @Transactional
    public Captured capture(String source, List<NewActivity> records) {
        List<Captured.Rejection> rejections = new ArrayList<>();
        References refs = References.load(people, sales, source, records);
        Map<String, Valid> valid = new LinkedHashMap<>();
        int row = 0;
        for (NewActivity a : records) {
            row++;
            Captured.Rejection problem = check(row, a, refs, valid.keySet());
            if (problem != null) {
                rejections.add(problem);
                continue;
            }
            valid.put(
                    a.externalId().trim(),
                    new Valid(
                            a,
                            refs.person(a.person()),
                            ActivityKind.parse(a.kind()).orElseThrow(),
                            blank(a.account()) ? null : refs.account(a.account()),
                            blank(a.deal()) ? null : refs.deal(a.deal())));
        }
        if (valid.isEmpty()) {
            return new Captured(0, 0, 0, rejections);
        }
        Set<ActivitySummaries.PersonDay> touched = new HashSet<>(jdbc.sql("""
                select person_id, occurred_at from activity where source = :source and external_id = any(:ids)""")
                .param("source", source)
                .param("ids", valid.keySet().toArray(String[]::new))
                .query((rs, n) ->
                        summaries.dayOf(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list());
        long inserted = 0;
        long updated = 0;
        for (Valid v : valid.values()) {
            touched.add(summaries.dayOf(v.personId(), v.in().occurredAt()));
            List<Boolean> done = jdbc.sql("""
                    insert into activity as a (source, external_id, person_id, kind, occurred_at, duration_minutes, outcome,
                                               account_id, opportunity_id)
                    values (:source, :id, :person, :kind, :at, :minutes, :outcome, :account, :deal)
                    on conflict (source, external_id) do update
                        set person_id = excluded.person_id, kind = excluded.kind, occurred_at = excluded.occurred_at,
                            duration_minutes = excluded.duration_minutes, outcome = excluded.outcome,
                            account_id = excluded.account_id, opportunity_id = excluded.opportunity_id
                        where (a.person_id, a.kind, a.occurred_at, a.duration_minutes, a.outcome, a.account_id, a.opportunity_id)
                              is distinct from (excluded.person_id, excluded.kind, excluded.occurred_at, excluded.duration_minutes,
                                                excluded.outcome, excluded.account_id, excluded.opportunity_id)
                    returning (xmax = 0) as inserted""")
                    .param("source", source)
                    .param("id", v.in().externalId().trim())
                    .param("person", v.personId())
                    .param("kind", v.kind().name())
                    .param("at", Timestamp.from(v.in().occurredAt()))
                    .param("minutes", v.in().durationMinutes() == null ? 0 : v.in().durationMinutes())
                    .param(
                            "outcome",
                            blank(v.in().outcome()) ? null : v.in().outcome().trim())
                    .param("account", v.accountId())
                    .param("deal", v.dealId())
                    .query(Boolean.class)
                    .list();
            if (!done.isEmpty()) {
                if (done.get(0)) {
                    inserted++;
                } else {
                    updated++;
                }
            }
        }
        summaries.refresh(touched);
        if (inserted + updated > 0) {
            // Listeners that act after the commit (live boards) see the stored rows.
            events.publishEvent(new ActivitiesCaptured(
                    touched.stream().map(ActivitySummaries.PersonDay::personId).collect(Collectors.toSet()),
                    valid.values().stream().map(Valid::kind).collect(Collectors.toSet()),
                    touched.stream()
                            .map(ActivitySummaries.PersonDay::day)
                            .min(LocalDate::compareTo)
                            .orElseThrow(),
                    touched.stream()
                            .map(ActivitySummaries.PersonDay::day)
                            .max(LocalDate::compareTo)
                            .orElseThrow()));
        }
        return new Captured(inserted, updated, valid.size() - inserted - updated, rejections);
    }

    private Captured.Rejection check(int row, NewActivity a, References refs, Set<String> seen) {
        String id = a == null ? null : a.externalId();
        if (a == null) {
            return new Captured.Rejection(row, null, "record", "is empty");
        }
        if (blank(id)) {
            return new Captured.Rejection(row, null, "external_id", "is required");
        }
        if (seen.contains(id.trim())) {
            return new Captured.Rejection(row, id, "external_id", "'" + id + "' appears more than once in this batch");
        }
        if (ActivityKind.parse(a.kind()).isEmpty()) {
            return new Captured.Rejection(
                    row,
                    id,
                    "kind",
                    blank(a.kind()) ? "is required" : "'" + a.kind() + "' is not one of CALL, EMAIL, MEETING, WEBINAR");
        }
        if (a.occurredAt() == null) {
            return new Captured.Rejection(
                    row, id, "occurred_at", "is required (ISO 8601 with offset, e.g. 2026-05-04T09:30:00Z)");
        }
        if (a.occurredAt().isAfter(clock.instant().plusSeconds(24 * 3600))) {
            return new Captured.Rejection(row, id, "occurred_at", a.occurredAt() + " is in the future");
        }
        Integer minutes = a.durationMinutes();
        if (minutes != null && (minutes < 0 || minutes > MAX_DURATION_MINUTES)) {
            return new Captured.Rejection(
                    row, id, "duration_minutes", minutes + " is not between 0 and " + MAX_DURATION_MINUTES);
        }
        if (blank(a.person())) {
            return new Captured.Rejection(row, id, "person", "is required (employee id or e-mail)");
        }
        if (refs.person(a.person()) == null) {
            return new Captured.Rejection(
                    row, id, "person", "unknown person '" + a.person().trim() + "' (matched by employee id or e-mail)");
        }
        if (!blank(a.account()) && refs.account(a.account()) == null) {
            return new Captured.Rejection(
                    row, id, "account", "unknown account '" + a.account().trim() + "'");
        }
        if (!blank(a.deal()) && refs.deal(a.deal()) == null) {
            return new Captured.Rejection(
                    row, id, "deal", "unknown deal '" + a.deal().trim() + "'");
        }
        return null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The people, accounts and deals a batch refers to, fetched in three queries. Read from the org
     * and sales tables directly (as imports do): resolving one reference per service call would
     * dominate a 10,000-record batch. An account or deal of the same source wins over another's.
     */
    private record References(Map<String, Long> people, Map<String, Long> accounts, Map<String, Long> deals) {

        static References load(People people, SalesFigures sales, String source, List<NewActivity> records) {
            Set<String> peopleKeys = new HashSet<>();
            Set<String> accounts = new HashSet<>();
            Set<String> deals = new HashSet<>();
            records.stream().filter(Objects::nonNull).forEach(a -> {
                if (!blank(a.person())) {
                    peopleKeys.add(a.person().trim().toLowerCase(Locale.ROOT));
                }
                if (!blank(a.account())) {
                    accounts.add(a.account().trim());
                }
                if (!blank(a.deal())) {
                    deals.add(a.deal().trim());
                }
            });
            return new References(
                    people.idsByKey(peopleKeys),
                    sales.accountIds(source, accounts),
                    sales.opportunityIds(source, deals));
        }

        Long person(String value) {
            return people.get(value.trim().toLowerCase(Locale.ROOT));
        }

        Long account(String value) {
            return accounts.get(value.trim());
        }

        Long deal(String value) {
            return deals.get(value.trim());
        }
    }
}
