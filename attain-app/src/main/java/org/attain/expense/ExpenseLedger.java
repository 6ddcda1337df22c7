package org.attain.expense;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's ledger accounts for the commission journal, and the posted (frozen) journal months: stored once when
 * a period closes, never changed (a database trigger refuses updates and deletes).
 */
@Service
public class ExpenseLedger {

    private final JdbcClient jdbc;
    private final Clock clock;

    ExpenseLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public JournalEntries.Accounts accounts() {
        return jdbc.sql("""
                select deferred_costs, accrued_commissions, commission_expense, amortisation, write_off from expense_account""")
                .query((rs, n) -> new JournalEntries.Accounts(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
    }

    /** Sets the accounts; each is a number or name of up to 20 letters, digits, dots or dashes. */
    @Transactional
    public JournalEntries.Accounts saveAccounts(JournalEntries.Accounts a, String actor) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deferredCosts", a == null ? null : a.deferredCosts());
        fields.put("accruedCommissions", a == null ? null : a.accruedCommissions());
        fields.put("commissionExpense", a == null ? null : a.commissionExpense());
        fields.put("amortisation", a == null ? null : a.amortisation());
        fields.put("writeOff", a == null ? null : a.writeOff());
        List<FieldProblem> problems = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (value == null || !value.strip().matches("[\\p{L}0-9][\\p{L}0-9.\\-]{0,19}")) {
                problems.add(new FieldProblem(
                        field,
                        "expense.error.account",
                        "an account is 1 to 20 letters, digits, dots or dashes, starting with a letter or digit"));
            }
        });
        if (problems.isEmpty()
                && fields.get("deferredCosts")
                        .strip()
                        .equals(fields.get("accruedCommissions").strip())) {
            problems.add(new FieldProblem(
                    "accruedCommissions",
                    "expense.error.sameAccount",
                    "the accrued commissions account must differ from the capitalised asset's"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        JournalEntries.Accounts clean = new JournalEntries.Accounts(
                a.deferredCosts().strip(),
                a.accruedCommissions().strip(),
                a.commissionExpense().strip(),
                a.amortisation().strip(),
                a.writeOff().strip());
        jdbc.sql("""
                update expense_account set deferred_costs = :d, accrued_commissions = :a, commission_expense = :c,
                    amortisation = :m, write_off = :w, updated_by = :by, updated_at = :at""")
                .param("d", clean.deferredCosts())
                .param("a", clean.accruedCommissions())
                .param("c", clean.commissionExpense())
                .param("m", clean.amortisation())
                .param("w", clean.writeOff())
                .param("by", actor)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return clean;
    }

    /** The months of this currency whose journal is posted. */
    Set<YearMonth> postedMonths(String currency) {
        return new TreeSet<>(jdbc.sql("select month from expense_journal_post where currency = :c")
                .param("c", currency)
                .query((rs, n) -> YearMonth.parse(rs.getString(1)))
                .list());
    }

    /** The posted lines of this currency by month (a posted month that moved nothing has an empty list). */
    Map<YearMonth, List<JournalBook.Posted>> posted(String currency) {
        Map<YearMonth, List<JournalBook.Posted>> out = new TreeMap<>();
        postedMonths(currency).forEach(m -> out.put(m, new ArrayList<>()));
        jdbc.sql("""
                select month, kind, correction, debit, credit, amount, signed_amount from expense_journal
                where currency = :c order by month, id""").param("c", currency).query(rs -> {
            YearMonth m = YearMonth.parse(rs.getString(1));
            out.computeIfAbsent(m, x -> new ArrayList<>())
                    .add(new JournalBook.Posted(
                            m,
                            JournalEntries.Kind.valueOf(rs.getString(2)),
                            rs.getBoolean(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getBigDecimal(6).setScale(2),
                            rs.getBigDecimal(7).setScale(2)));
        });
        return out;
    }

    /** Posts months once: a month already posted (by another closing at the same time) is left as it is. */
    void post(String currency, Map<YearMonth, List<JournalBook.Posted>> months, String actor) {
        Timestamp at = Timestamp.from(clock.instant());
        for (Map.Entry<YearMonth, List<JournalBook.Posted>> e : months.entrySet()) {
            int fresh = jdbc.sql("""
                    insert into expense_journal_post (month, currency, posted_at, posted_by) values (:m, :c, :at, :by)
                    on conflict do nothing""")
                    .param("m", e.getKey().toString())
                    .param("c", currency)
                    .param("at", at)
                    .param("by", actor)
                    .update();
            if (fresh == 0) {
                continue;
            }
            for (JournalBook.Posted p : e.getValue()) {
                jdbc.sql("""
                        insert into expense_journal (month, currency, kind, correction, debit, credit, amount, signed_amount,
                            posted_at, posted_by) values (:m, :c, :k, :corr, :d, :cr, :a, :s, :at, :by)""")
                        .param("m", e.getKey().toString())
                        .param("c", currency)
                        .param("k", p.kind().name())
                        .param("corr", p.correction())
                        .param("d", p.debit())
                        .param("cr", p.credit())
                        .param("a", p.amount())
                        .param("s", p.signed())
                        .param("at", at)
                        .param("by", actor)
                        .update();
            }
        }
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
