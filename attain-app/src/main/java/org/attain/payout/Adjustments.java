package org.attain.payout;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.calendar.PeriodStatus;
import org.attain.calendar.Periods;
import org.attain.org.PersonView;
import org.attain.org.Visibility;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manual adjustments: an amount added to or taken from a payee's pay for a period, always with a
 * reason, recorded by an admin or comp admin (never on their own pay, {@link OwnPay}) and audited. {@link #forPeriods} is the read the
 * calculation uses to feed them into pay.
 */
@Service
public class Adjustments {

    private static final BigDecimal LIMIT = new BigDecimal("1000000000000000");

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Visibility visibility;
    private final Periods periods;
    private final AuditLog audit;
    private final Clock clock;
    private final org.attain.org.People people;
    private final OwnPay ownPay;

    Adjustments(
            JdbcClient jdbc,
            Visibility visibility,
            Periods periods,
            AuditLog audit,
            Clock clock,
            org.attain.org.People people,
            org.springframework.context.ApplicationEventPublisher events,
            OwnPay ownPay) {
        this.ownPay = ownPay;
        this.events = events;
        this.people = people;
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.periods = periods;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewAdjustment(Long personId, String period, BigDecimal amount, String currency, String reason) {}

    public record Adjustment(
            long id,
            long personId,
            String personExternalId,
            String personEmail,
            String personName,
            String periodId,
            BigDecimal amount,
            String currency,
            String reason,
            String createdBy,
            Instant createdAt) {}

    @Transactional
    public Adjustment create(AttainUser user, NewAdjustment in) {
        if (in.personId() != null) {
            ownPay.refuseOwn(user, in.personId(), OwnPay.Act.ADJUST, in.personId() + "/" + in.period());
        }
        if (!Backoffice.compAdmin(user)) {
            throw new ForbiddenException("Only admins and comp admins record adjustments.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (in.personId() == null) {
            problems.add(new FieldProblem("personId", "adjustment.error.person", "is required"));
        }
        if (in.amount() == null) {
            problems.add(new FieldProblem("amount", "adjustment.error.amount", "is required"));
        } else if (in.amount().signum() == 0
                || in.amount().abs().compareTo(LIMIT) >= 0
                || in.amount().stripTrailingZeros().scale() > 4) {
            problems.add(new FieldProblem(
                    "amount",
                    "adjustment.error.amount",
                    "must be a non-zero amount below 10^15 with at most 4 decimals"));
        }
        String currency = in.currency() == null ? "" : in.currency().strip().toUpperCase(java.util.Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            problems.add(new FieldProblem(
                    "currency", "adjustment.error.currency", "must be a three-letter code such as EUR"));
        }
        String reason = in.reason() == null ? "" : in.reason().strip();
        if (reason.isEmpty() || reason.length() > Disputes.MAX_TEXT) {
            problems.add(
                    new FieldProblem("reason", "adjustment.error.reason", "is required (at most 4000 characters)"));
        }
        String period = in.period() == null ? "" : in.period().strip();
        var row = periods.find(period);
        if (row.isEmpty()) {
            problems.add(new FieldProblem("period", "adjustment.error.period", "is not a known period"));
        } else if (row.get().status() == PeriodStatus.CLOSED) {
            problems.add(new FieldProblem("period", "adjustment.error.closed", "is closed; reopen it first"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String payCurrency = (visibility.canSee(user, in.personId())
                        ? people.find(in.personId(), LocalDate.now(clock))
                        : Optional.<PersonView>empty())
                .orElseThrow(() -> new NotFoundException("person", in.personId()))
                .currency();
        if (!payCurrency.equals(currency)) {
            // A payee is paid in one currency; an adjustment in another could not be added to the payout.
            throw new InvalidInputException(new FieldProblem(
                    "currency", "adjustment.error.payCurrency", "must be the payee's pay currency " + payCurrency));
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into payout_adjustment(person_id, period_id, amount, currency, reason, created_by, created_at)
                values (:p, :period, :amount, :c, :reason, :by, :at) returning id""")
                .param("p", in.personId())
                .param("period", period)
                .param("amount", in.amount())
                .param("c", currency)
                .param("reason", reason)
                .param("by", user.getUsername())
                .param("at", Timestamp.from(now))
                .query(Long.class)
                .single();
        audit.record(
                user.getUsername(),
                "ADJUSTMENT_CREATED",
                "adjustment",
                String.valueOf(id),
                null,
                Map.of(
                        "person",
                        in.personId(),
                        "period",
                        period,
                        "amount",
                        in.amount().toPlainString(),
                        "currency",
                        currency),
                reason);
        events.publishEvent(new AdjustmentsChanged(Set.of(in.personId()), "adjustment " + id, user.getUsername()));
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("id", id)
                .query(Adjustment.class)
                .single();
    }

    /** The adjustments this user may see for a period (blank = all periods), newest first. */
    public List<Adjustment> list(AttainUser user, String period) {
        return jdbc.sql(SELECT + """
                 where (cast(:ids as bigint[]) is null or a.person_id = any(cast(:ids as bigint[])))
                   and (cast(:period as text) is null or a.period_id = cast(:period as text))
                 order by a.created_at desc, a.id desc limit 1000""")
                .param("ids", visibility.scopeOf(user).idsOrNull())
                .param("period", period == null || period.isBlank() ? null : period.strip())
                .query(Adjustment.class)
                .list();
    }

    /** What the adjustments list is narrowed to: a period (blank = all), a currency, credits or debits only. */
    public record Filter(String period, String currency, String sign) {

        /** Only additions to pay ({@code credit}), only deductions ({@code debit}), or both (anything else). */
        public static final java.util.List<String> SIGNS = java.util.List.of("credit", "debit");
    }

    /**
     * One page of the adjustments this user may see (a manager: their subtree), newest first, with a
     * search text found in the payee's name, employee id or e-mail, the reason or who recorded it, and
     * the total.
     */
    public org.attain.platform.Paged<Adjustment> page(
            AttainUser user, Filter f, String q, org.attain.platform.PageRequest page) {
        String where = """
                 where (cast(:ids as bigint[]) is null or a.person_id = any(cast(:ids as bigint[])))
                   and (cast(:period as text) is null or a.period_id = cast(:period as text))
                   and (cast(:currency as text) is null or a.currency = cast(:currency as text))
                   and (cast(:sign as text) is null or (cast(:sign as text) = 'credit' and a.amount > 0)
                        or (cast(:sign as text) = 'debit' and a.amount < 0))
                   and (:q = '' or p.first_name || ' ' || p.last_name ilike :like or p.external_id ilike :like
                        or p.email ilike :like or a.reason ilike :like or a.created_by ilike :like)
                """;
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("ids", visibility.scopeOf(user).idsOrNull());
        params.put("period", blankToNull(f.period()));
        String currency = blankToNull(f.currency());
        params.put("currency", currency == null ? null : currency.toUpperCase(java.util.Locale.ROOT));
        params.put("sign", f.sign() != null && Filter.SIGNS.contains(f.sign()) ? f.sign() : null);
        params.put("q", org.attain.platform.SearchText.of(q));
        params.put("like", org.attain.platform.SearchText.like(q));
        long total = jdbc.sql(
                        "select count(*) from payout_adjustment a join org_person_v p on p.id = a.person_id " + where)
                .params(params)
                .query(Long.class)
                .single();
        page = page.within(total);
        List<Adjustment> rows = jdbc.sql(
                        SELECT + where + " order by a.created_at desc, a.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(Adjustment.class)
                .list();
        return org.attain.platform.Paged.of(rows, page, total);
    }

    /** The currencies adjustments were recorded in, for the list's filter. */
    public List<String> currencies() {
        return jdbc.sql("select distinct currency from payout_adjustment order by currency")
                .query(String.class)
                .list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Every adjustment of the given periods, oldest first: the input a calculation needs to include them. */
    public List<Adjustment> forPeriods(Collection<String> periodIds) {
        return jdbc.sql(SELECT
                        + " where a.period_id = any(:periods) order by a.period_id, a.person_id, a.created_at, a.id")
                .param("periods", periodIds.toArray(String[]::new))
                .query(Adjustment.class)
                .list();
    }

    private static final String SELECT = """
            select a.id, a.person_id, p.external_id as person_external_id, p.email as person_email,
                   p.first_name || ' ' || p.last_name as person_name, a.period_id, a.amount, a.currency,
                   a.reason, a.created_by, a.created_at
            from payout_adjustment a join org_person_v p on p.id = a.person_id
            """;
}
