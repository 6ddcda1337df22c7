package org.attain.expense;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.attain.calendar.Periods;
import org.attain.pay.DealCommissions;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.sales.ContractTerms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commission expense of one currency: the commissions of every calculated period (pay's
 * {@code DealCommissions}, per deal), each deal's contract term (sales' {@code ContractTerms}), the policy of the
 * deal's plan (or the default, {@code *}), amortised by {@link Amortisation} and summed by {@link RollForward}.
 *
 * <p>A commission is capitalised in the first month of its contract (the attribute {@code contract_start}, else the
 * close date). Lines naming no deal (bonuses on attainment) and deals without a term are expensed at once in the
 * last month of the period they were earned in, and counted apart so finance sees how much that is.
 *
 * <p>The journal of a month is posted (stored and frozen, {@link ExpenseLedger}) when a period containing it closes;
 * {@link JournalBook} keeps posted months as posted and books what later changes do to them as corrections in the
 * next month not posted.
 */
@Service
public class CommissionExpense {

    public static final String DEFAULT_PORTFOLIO = "*";

    public record Report(
            String currency,
            List<RollForward.Period> periods,
            List<RollForward.Line> lines,
            List<JournalEntries.Entry> entries,
            int contracts,
            int capitalisedContracts,
            BigDecimal withoutContract,
            List<ExpensePolicy> policies,
            Reporting reporting) {}

    /** A roll-forward line in the reporting currency, at the rate of its period's last day ({@code rateDay}). */
    public record ConvertedLine(
            String period,
            java.time.LocalDate rateDay,
            BigDecimal opening,
            BigDecimal capitalised,
            BigDecimal amortised,
            BigDecimal writtenOff,
            BigDecimal closing,
            BigDecimal expensedAtOnce,
            BigDecimal expense) {}

    /**
     * Issue 21.8: the roll-forward in the reporting currency, each amount at its period's rate (the rate in force on
     * the period's last day) rounded half-even to the currency's minor unit.
     *
     * @param lines the chosen currency's lines converted (null where no rate converts that period)
     * @param allCurrencies every currency's lines converted and added per period (a currency without a rate for a
     *     period is left out of that period and named in missingRates)
     */
    public record Reporting(
            String currency,
            int minorUnit,
            List<ConvertedLine> lines,
            List<ConvertedLine> allCurrencies,
            List<org.attain.fx.Conversion.MissingRate> missingRates) {

        /** The missing rates as the page names them: "CHF 2026-Q1, SEK 2026-Q1". */
        public String missingText() {
            return org.attain.fx.Conversion.describe(missingRates);
        }
    }

    private final DealCommissions commissions;
    private final ContractTerms terms;
    private final Periods periods;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExpenseLedger ledger;
    private final org.attain.fx.ReportingCurrency reportingCurrency;

    CommissionExpense(
            org.attain.fx.ReportingCurrency reportingCurrency,
            DealCommissions commissions,
            ContractTerms terms,
            Periods periods,
            JdbcClient jdbc,
            Clock clock,
            ExpenseLedger ledger) {
        this.reportingCurrency = reportingCurrency;
        this.ledger = ledger;
        this.commissions = commissions;
        this.terms = terms;
        this.periods = periods;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The roll-forward by month or quarter ({@code quarters}) over [from, to] (months, both included). */
    public Report report(String currency, YearMonth from, YearMonth to, boolean quarters) {
        if (to.isBefore(from)) {
            throw new InvalidInputException(new FieldProblem(
                    "to", "expense.error.range", "the range ends (" + to + ") before it starts (" + from + ")"));
        }
        if (from.plusYears(10).isBefore(to)) {
            throw new InvalidInputException(
                    new FieldProblem("to", "expense.error.range", "a roll-forward spans ten years at most"));
        }
        Shares shares = shares();
        Schedule s = schedule(currency, shares);
        List<RollForward.Period> ps = periods(from, to, quarters);
        List<RollForward.Line> lines = RollForward.of(s.months(), ps);
        Map<String, List<RollForward.Line>> byCurrency = new java.util.TreeMap<>();
        for (String c : currencies()) {
            byCurrency.put(
                    c,
                    c.equals(currency)
                            ? lines
                            : RollForward.of(schedule(c, shares).months(), ps));
        }
        return new Report(
                currency,
                ps,
                lines,
                journal(currency, s, ps, to),
                s.contracts(),
                s.capitalised(),
                s.withoutContract(),
                List.copyOf(s.policies().values()),
                reporting(reportingCurrency.conversion(), currency, lines, byCurrency, ps));
    }

    /** The chosen currency's lines and all currencies' in the reporting currency: pure, for tests with own rates. */
    static Reporting reporting(
            org.attain.fx.Conversion fx,
            String currency,
            List<RollForward.Line> lines,
            Map<String, List<RollForward.Line>> byCurrency,
            List<RollForward.Period> ps) {
        Map<String, java.time.LocalDate> day = new HashMap<>();
        ps.forEach(p -> day.put(p.id(), p.until().atEndOfMonth()));
        List<ConvertedLine> chosen = new ArrayList<>();
        for (RollForward.Line l : lines) {
            chosen.add(convert(fx, l, currency, day.get(l.period())));
        }
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        ps.forEach(p -> sums.put(p.id(), zeros(fx, 7)));
        byCurrency.forEach((c, ls) -> {
            for (RollForward.Line l : ls) {
                ConvertedLine x =
                        c.equals(currency) ? chosen.get(ls.indexOf(l)) : convert(fx, l, c, day.get(l.period()));
                if (x == null) {
                    continue;
                }
                BigDecimal[] t = sums.get(l.period());
                BigDecimal[] v = {
                    x.opening(),
                    x.capitalised(),
                    x.amortised(),
                    x.writtenOff(),
                    x.closing(),
                    x.expensedAtOnce(),
                    x.expense()
                };
                for (int i = 0; i < 7; i++) {
                    t[i] = t[i].add(v[i]);
                }
            }
        });
        List<ConvertedLine> all = new ArrayList<>();
        sums.forEach((p, t) -> all.add(new ConvertedLine(p, day.get(p), t[0], t[1], t[2], t[3], t[4], t[5], t[6])));
        return new Reporting(
                fx.currency(),
                fx.minorUnit(),
                java.util.Collections.unmodifiableList(chosen),
                List.copyOf(all),
                fx.missing());
    }

    /**
     * One line converted: each amount on its own, then closing = opening + capitalised - amortised - written off and
     * expense = amortised + written off + expensed at once of the converted amounts, so the converted line adds up
     * as the local one does. Null without a rate.
     */
    private static ConvertedLine convert(
            org.attain.fx.Conversion fx, RollForward.Line l, String currency, java.time.LocalDate day) {
        BigDecimal opening = fx.convert(l.opening(), currency, l.period(), day);
        if (opening == null) {
            return null;
        }
        BigDecimal capitalised = fx.convert(l.capitalised(), currency, l.period(), day);
        BigDecimal amortised = fx.convert(l.amortised(), currency, l.period(), day);
        BigDecimal writtenOff = fx.convert(l.writtenOff(), currency, l.period(), day);
        BigDecimal expensed = fx.convert(l.expensedAtOnce(), currency, l.period(), day);
        return new ConvertedLine(
                l.period(),
                day,
                opening,
                capitalised,
                amortised,
                writtenOff,
                opening.add(capitalised).subtract(amortised).subtract(writtenOff),
                expensed,
                amortised.add(writtenOff).add(expensed));
    }

    private static BigDecimal[] zeros(org.attain.fx.Conversion fx, int n) {
        BigDecimal[] z = new BigDecimal[n];
        java.util.Arrays.fill(z, fx.zero());
        return z;
    }

    /** Every calculated period's commissions per deal, all currencies, read once, and each period's last month. */
    record Shares(List<DealCommissions.Share> all, Map<String, YearMonth> periodEnd) {}

    private Shares shares() {
        List<String> periodIds = new ArrayList<>();
        Map<String, YearMonth> periodEnd = new HashMap<>();
        for (Periods.PeriodRow p : periods.list(null, null)) {
            periodIds.add(p.id());
            periodEnd.put(p.id(), YearMonth.from(p.endsOn()));
        }
        return new Shares(commissions.ofPeriods(periodIds), periodEnd);
    }

    /**
     * Every amortisation month of the commissions of every calculated period: a range ending inside a quarter sees
     * that quarter's commissions too, and a month's journal is the same whatever range it is read in.
     */
    record Schedule(
            List<Amortisation.Month> months,
            int contracts,
            int capitalised,
            BigDecimal withoutContract,
            Map<String, ExpensePolicy> policies) {}

    private Schedule schedule(String currency) {
        return schedule(currency, shares());
    }

    private Schedule schedule(String currency, Shares all) {
        Map<String, ExpensePolicy> policies = policies();
        Map<String, YearMonth> periodEnd = all.periodEnd();
        List<DealCommissions.Share> shares =
                all.all().stream().filter(s -> s.currency().equals(currency)).toList();
        Map<String, ContractTerms.Term> termOf = terms.of(shares.stream()
                .map(DealCommissions.Share::transactionId)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));

        // One contract per deal and plan: its commissions over all periods add up.
        Map<String, BigDecimal> byContract = new LinkedHashMap<>();
        Map<String, String> planOf = new HashMap<>();
        List<Amortisation.Month> months = new ArrayList<>();
        BigDecimal withoutContract = BigDecimal.ZERO.setScale(2);
        for (DealCommissions.Share s : shares) {
            ContractTerms.Term t = s.transactionId() == null ? null : termOf.get(s.transactionId());
            if (t == null || t.termMonths() == null) {
                YearMonth earned = periodEnd.get(s.periodId());
                months.add(new Amortisation.Month(earned, s.amount(), zero(), zero(), zero()));
                withoutContract = withoutContract.add(s.amount());
                continue;
            }
            String key = s.transactionId() + "\u0000" + s.planKey();
            byContract.merge(key, s.amount(), BigDecimal::add);
            planOf.put(key, s.planKey());
        }
        int capitalised = 0;
        for (Map.Entry<String, BigDecimal> e : byContract.entrySet()) {
            String transaction = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            ContractTerms.Term t = termOf.get(transaction);
            ExpensePolicy policy = policies.getOrDefault(planOf.get(e.getKey()), policies.get(DEFAULT_PORTFOLIO));
            CommissionContract c = new CommissionContract(
                    transaction, e.getValue(), currency, YearMonth.from(t.startsOn()), t.termMonths(), t.cancelledOn());
            if (policy.capitalises(c) && c.commission().signum() != 0) {
                capitalised++;
            }
            months.addAll(Amortisation.schedule(c, policy));
        }
        return new Schedule(months, byContract.size(), capitalised, withoutContract, policies);
    }

    /**
     * The journal of the periods: posted months as they were posted, the others as the roll-forward is now, with what
     * later changes did to posted months booked as corrections in the first month not posted.
     */
    private List<JournalEntries.Entry> journal(String currency, Schedule s, List<RollForward.Period> ps, YearMonth to) {
        Map<YearMonth, List<JournalBook.Posted>> posted = ledger.posted(currency);
        JournalBook.Booked booked =
                JournalBook.book(JournalBook.movements(s.months()), posted, java.util.Set.of(), to, ledger.accounts());
        return JournalBook.entries(booked.lines(), posted.keySet(), ps, currency);
    }

    /**
     * Posts the journal of every month inside a closed period that is not posted yet, for every currency: its lines
     * as they are now (with the corrections it carries) are stored and frozen. Returns the months posted.
     */
    // A transaction of its own: the closing's listener runs after the closing's transaction has committed.
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public List<String> postClosed(String actor) {
        java.util.TreeSet<YearMonth> closed = new java.util.TreeSet<>();
        for (Periods.PeriodRow p : periods.closed()) {
            for (YearMonth m = YearMonth.from(p.startsOn());
                    !m.isAfter(YearMonth.from(p.endsOn()));
                    m = m.plusMonths(1)) {
                closed.add(m);
            }
        }
        List<String> done = new ArrayList<>();
        if (closed.isEmpty()) {
            return done;
        }
        for (String currency : currencies()) {
            Map<YearMonth, List<JournalBook.Posted>> posted = ledger.posted(currency);
            java.util.Set<YearMonth> toPost = new java.util.TreeSet<>(closed);
            toPost.removeAll(posted.keySet());
            if (toPost.isEmpty()) {
                continue;
            }
            Schedule s = schedule(currency);
            JournalBook.Booked booked = JournalBook.book(
                    JournalBook.movements(s.months()), posted, toPost, closed.last(), ledger.accounts());
            ledger.post(currency, booked.toStore(), actor);
            booked.toStore().keySet().forEach(m -> done.add(currency + " " + m));
        }
        return done;
    }

    /** The currencies commissions are paid in (calc's results), for the page's choice. */
    public List<String> currencies() {
        return jdbc.sql("select distinct currency from calc_current_result_v order by 1")
                .query(String.class)
                .list();
    }

    public Map<String, ExpensePolicy> policies() {
        Map<String, ExpensePolicy> out = new LinkedHashMap<>();
        jdbc.sql("select portfolio, threshold_months from expense_policy order by portfolio")
                .query((rs, n) -> new ExpensePolicy(rs.getString(1), rs.getInt(2)))
                .list()
                .forEach(p -> out.put(p.portfolio(), p));
        out.putIfAbsent(DEFAULT_PORTFOLIO, ExpensePolicy.standard(DEFAULT_PORTFOLIO));
        return out;
    }

    /** Sets a portfolio's threshold (a plan key, or {@code *} for the default). */
    @Transactional
    public ExpensePolicy savePolicy(String portfolio, Integer thresholdMonths, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (portfolio == null || portfolio.isBlank()) {
            problems.add(new FieldProblem(
                    "portfolio",
                    "expense.error.portfolio",
                    "a policy names its portfolio: a plan key, or * for every other plan"));
        }
        if (thresholdMonths == null || thresholdMonths < 0 || thresholdMonths > 120) {
            problems.add(new FieldProblem(
                    "thresholdMonths", "expense.error.threshold", "threshold_months is a whole number from 0 to 120"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ExpensePolicy p = new ExpensePolicy(portfolio.strip(), thresholdMonths);
        jdbc.sql("""
                insert into expense_policy (portfolio, threshold_months, updated_by, updated_at) values (:p, :t, :by, :at)
                on conflict (portfolio) do update set threshold_months = excluded.threshold_months,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("p", p.portfolio())
                .param("t", p.thresholdMonths())
                .param("by", actor)
                .param("at", java.sql.Timestamp.from(Instant.now(clock)))
                .update();
        return p;
    }

    static List<RollForward.Period> periods(YearMonth from, YearMonth to, boolean quarters) {
        List<RollForward.Period> out = new ArrayList<>();
        if (!quarters) {
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                out.add(new RollForward.Period(m.toString(), m, m));
            }
            return out;
        }
        Collection<String> seen = new TreeSet<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            int q = (m.getMonthValue() - 1) / 3;
            String id = m.getYear() + "-Q" + (q + 1);
            if (seen.add(id)) {
                YearMonth first = YearMonth.of(m.getYear(), q * 3 + 1);
                YearMonth last = first.plusMonths(2);
                out.add(new RollForward.Period(id, first.isBefore(from) ? from : first, last.isAfter(to) ? to : last));
            }
        }
        return out;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
