package org.attain.engine.scenario;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.yaml.SourceProblem;

/** Runs scenarios through the engine (no database) and compares every expected value. */
public final class ScenarioRunner {

    private final ScenarioReader reader;
    private final Engine engine = new Engine();

    public ScenarioRunner() {
        this(new PlanCompiler());
    }

    public ScenarioRunner(PlanCompiler compiler) {
        this.reader = new ScenarioReader(compiler);
    }

    public ScenarioReport run(Path file) {
        ScenarioParse parse = reader.read(file);
        if (parse.scenario().isEmpty()) {
            return new ScenarioReport(
                    file.getFileName().toString(),
                    file.toString(),
                    List.of(),
                    parse.problems().stream().map(SourceProblem::toString).toList());
        }
        return run(parse.scenario().get());
    }

    public ScenarioReport run(Scenario scenario) {
        CalculationResult result = engine.calculate(scenario.input());
        List<CheckResult> results = new ArrayList<>();
        for (Check check : scenario.checks()) {
            results.add(evaluate(check, result));
        }
        return new ScenarioReport(scenario.id(), scenario.source(), results, List.of());
    }

    private static CheckResult evaluate(Check check, CalculationResult result) {
        if (Check.RUN_ISSUE.equals(check.what())) {
            java.util.regex.Pattern deal = java.util.regex.Pattern.compile(
                    "(?<![\\w-])" + java.util.regex.Pattern.quote(check.period()) + "(?![\\w-])");
            List<String> naming =
                    result.issues().stream().filter(i -> deal.matcher(i).find()).toList();
            boolean found = naming.stream().anyMatch(i -> i.contains(check.expected()));
            return new CheckResult(
                    check,
                    naming.isEmpty() ? "no issue names " + check.period() : naming.get(0),
                    found,
                    "issues: " + result.issues());
        }
        if (check.person() == null) {
            boolean found = result.exclusions().stream()
                    .anyMatch(e -> e.transaction().value().equals(check.period())
                            && e.reason().equals(check.expected()));
            String actual = result.exclusions().stream()
                    .filter(e -> e.transaction().value().equals(check.period()))
                    .map(e -> e.reason())
                    .findFirst()
                    .orElse("not excluded");
            return new CheckResult(check, actual, found, "exclusions: " + result.exclusions());
        }
        Optional<PayeePeriodResult> statement = result.statement(check.person(), check.period());
        if (statement.isEmpty()) {
            return new CheckResult(
                    check,
                    "no statement",
                    false,
                    "the engine produced no statement for " + check.person() + " " + check.period()
                            + (result.issues().isEmpty() ? "" : "; issues: " + result.issues()));
        }
        PayeePeriodResult s = statement.get();
        String what = check.what();
        int colon = what.indexOf(':');
        String component = colon < 0 ? what : what.substring(colon + 1);
        Optional<EarningsLine> line = s.line(component);
        String trace = line.map(l -> l.trace().render("    ")).orElse("    (no line " + component + ")\n");
        if (what.startsWith("deal:") || what.startsWith("plan_version:")) {
            return DealChecks.evaluate(check, s, component);
        }
        if (what.startsWith("uncapped:")) {
            return compare(
                    check,
                    line.map(l -> l.uncapped() != null ? l.uncapped() : l.amount())
                            .orElse(null),
                    trace);
        }
        if (what.startsWith("for_period:")) {
            String actual = line.map(l -> String.valueOf(l.forPeriod())).orElse("no line");
            return new CheckResult(check, actual, actual.equals(check.expected()), trace);
        }
        if (what.startsWith("trace:")) {
            // Every line of the component (one per pod for a member who moved pods) is searched.
            String all = s.lines().stream()
                    .filter(l -> l.component().equals(component))
                    .map(l -> l.trace().render(""))
                    .reduce("", String::concat);
            boolean found = all.contains(check.expected());
            return new CheckResult(check, found ? check.expected() : "not in the trace", found, trace);
        }
        if (what.startsWith("qualifying:")) {
            // Every line of the component (one per plan version when a version changed mid-period) counts.
            String actual = line.map(first -> String.join(
                            ",",
                            new TreeSet<>(s.lines().stream()
                                    .filter(l -> l.component().equals(component))
                                    .flatMap(l -> l.qualifying().stream())
                                    .map(TransactionId::value)
                                    .toList())))
                    .orElse("no line");
            return new CheckResult(check, actual, actual.equals(check.expected()), trace);
        }
        String ledger = ledgerText(s);
        switch (what) {
            case "payout":
                return compare(check, s.payout(), ledger);
            case "balance_after":
                return compare(check, s.ledgerAfter().carried(), ledger);
            case "draw_balance_after":
                return compare(check, s.ledgerAfter().drawBalance(), ledger);
            case "held_after":
                return compare(check, s.ledgerAfter().heldTotal(), ledger);
            case "quota":
                return compare(
                        check,
                        s.quota().orElse(null),
                        "    " + s.quotaPlan().map(p -> p.quotaExplanation()).orElse(""));
            case "attainment": {
                BigDecimal a = s.attainmentShown().orElse(null);
                String actual = a == null ? "no quota" : a.toPlainString();
                boolean ok = a != null && a.compareTo(new BigDecimal(check.expected())) == 0;
                return new CheckResult(check, actual, ok, trace);
            }
            default:
                return line.isEmpty()
                        ? new CheckResult(check, "no line", false, linesText(s))
                        : compare(check, s.amountOf(component), trace);
        }
    }

    private static CheckResult compare(Check check, Money actual, String explanation) {
        if (actual == null) {
            return new CheckResult(check, "none", false, explanation);
        }
        boolean ok = actual.amount().compareTo(new BigDecimal(check.expected())) == 0;
        return new CheckResult(check, actual.toPlainString(), ok, explanation);
    }

    private static String ledgerText(PayeePeriodResult s) {
        StringBuilder sb = new StringBuilder();
        s.ledger()
                .forEach(e -> sb.append("    ")
                        .append(e.kind())
                        .append(' ')
                        .append(e.amount().toPlainString())
                        .append(e.transaction() == null ? "" : " " + e.transaction())
                        .append(" (")
                        .append(e.note())
                        .append(")\n"));
        sb.append(linesText(s));
        return sb.toString();
    }

    private static String linesText(PayeePeriodResult s) {
        StringBuilder sb = new StringBuilder();
        for (EarningsLine l : s.lines()) {
            sb.append("    line ")
                    .append(l.component())
                    .append(' ')
                    .append(l.amount().toPlainString())
                    .append('\n');
            sb.append(l.trace().render("      "));
        }
        return sb.toString();
    }
}
