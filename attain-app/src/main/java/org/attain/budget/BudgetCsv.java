package org.attain.budget;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.attain.org.Teams;
import org.attain.platform.CellText;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets and entered actuals as CSV, one file for both: {@code kind,period,team,category,amount,currency} with kind
 * {@code budget} or {@code actual}, team by code or name, headcount without currency. The export writes what the
 * import reads. An import is checked whole and saved whole: a refused row is named by its line in the file
 * ({@code line 3: amount}) with the reason, and nothing is saved.
 */
@Service
public class BudgetCsv {

    public static final String HEADER = "kind,period,team,category,amount,currency";

    public record Imported(int budgets, int actuals) {}

    private final Budgets budgets;
    private final Teams teams;

    BudgetCsv(Budgets budgets, Teams teams) {
        this.budgets = budgets;
        this.teams = teams;
    }

    public String export(List<String> periodIds) {
        Map<Long, String> codes = new HashMap<>();
        teams.all().forEach(t -> codes.put(t.id(), t.code()));
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setHeader(HEADER.split(",")).get())) {
            for (Budgets.Line l : budgets.budgets(periodIds)) {
                print(csv, "budget", l, codes);
            }
            for (Budgets.Line l : budgets.actuals(periodIds)) {
                print(csv, "actual", l, codes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void print(CSVPrinter csv, String kind, Budgets.Line l, Map<Long, String> codes) throws IOException {
        csv.printRecord(CellText.row(
                kind,
                l.period(),
                codes.getOrDefault(l.teamId(), Long.toString(l.teamId())),
                l.category().name(),
                l.amount().toPlainString(),
                l.currency() == null ? "" : l.currency()));
    }

    @Transactional
    public Imported importCsv(String text, String actor) {
        Map<String, Long> teamIds = new HashMap<>();
        teams.all().forEach(t -> {
            teamIds.put(t.code().toLowerCase(Locale.ROOT), t.id());
            teamIds.putIfAbsent(t.name().toLowerCase(Locale.ROOT), t.id());
        });
        List<FieldProblem> problems = new ArrayList<>();
        List<Budgets.Line> plan = new ArrayList<>();
        List<Budgets.Line> actual = new ArrayList<>();
        List<Long> planLines = new ArrayList<>();
        List<Long> actualLines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(new StringReader(text == null ? "" : text.replace("\uFEFF", "")))) {
            for (String column : HEADER.split(",")) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    problems.add(new FieldProblem(
                            "header",
                            "budget.error.header",
                            "the first line names the columns " + HEADER + "; " + column + " is missing"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                String at = "line " + line + ": ";
                String kind = r.get("kind").toLowerCase(Locale.ROOT);
                Long team = teamIds.get(r.get("team").toLowerCase(Locale.ROOT));
                if (team == null) {
                    problems.add(new FieldProblem(
                            at + "team", "budget.error.team", "no team has the code or name '" + r.get("team") + "'"));
                }
                BudgetCategory category = null;
                try {
                    category = BudgetCategory.valueOf(r.get("category").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem(
                            at + "category",
                            "budget.error.category",
                            "is one of COMPENSATION, HEADCOUNT, MARKETING, OTHER"));
                }
                BigDecimal amount = null;
                try {
                    amount = new BigDecimal(r.get("amount"));
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem(
                            at + "amount",
                            "budget.error.amount",
                            "'" + r.get("amount") + "' is not a number such as 1250.00"));
                }
                if (!kind.equals("budget") && !kind.equals("actual")) {
                    problems.add(new FieldProblem(at + "kind", "budget.error.kind", "is budget or actual"));
                    continue;
                }
                if (team == null || category == null || amount == null) {
                    continue;
                }
                Budgets.Line l = new Budgets.Line(
                        r.get("period"),
                        team,
                        category,
                        amount,
                        r.get("currency").isEmpty() ? null : r.get("currency"));
                (kind.equals("budget") ? plan : actual).add(l);
                (kind.equals("budget") ? planLines : actualLines).add(line);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException(
                    new FieldProblem("file", "budget.error.csv", "is not readable CSV: " + e.getMessage()));
        }
        // The store's checks name rows[i]; the file's reader wants its line numbers.
        problems.addAll(renamed(() -> budgets.saveAll(plan, false, actor), planLines, plan.size()));
        problems.addAll(renamed(() -> budgets.saveAll(actual, true, actor), actualLines, actual.size()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Imported(plan.size(), actual.size());
    }

    private static List<FieldProblem> renamed(Runnable save, List<Long> lines, int size) {
        if (size == 0) {
            return List.of();
        }
        try {
            save.run();
            return List.of();
        } catch (InvalidInputException e) {
            List<FieldProblem> out = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                String field = p.field();
                long line = lines.get(0);
                if (field.startsWith("rows[")) {
                    int close = field.indexOf(']');
                    line = lines.get(Integer.parseInt(field.substring(5, close)));
                    field = field.substring(close + 2);
                }
                out.add(new FieldProblem("line " + line + ": " + field, p.code(), p.reason()));
            }
            return out;
        }
    }
}
