package org.attain.planning.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attain.planning.QuotaPlans;
import org.attain.platform.CellText;

/**
 * A plan's numbers as CSV in the columns of the example import profiles (examples/imports/quota-plan-targets and
 * quota-plan-submissions), so a file exported, edited in a spreadsheet and loaded back sets those numbers.
 */
final class PlanNumbersCsv {

    static final List<String> TARGETS = List.of("Plan", "Employee", "Period", "Target", "Currency");
    static final List<String> SUBMISSIONS = List.of("Plan", "Manager", "Period", "Submitted", "Currency");

    private PlanNumbersCsv() {}

    static String of(List<String> header, List<QuotaPlans.PlanNumber> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(header);
            for (QuotaPlans.PlanNumber r : rows) {
                csv.printRecord(CellText.row(r.planId(), r.person(), r.periodId(), plain(r.amount()), r.currency()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String plain(BigDecimal amount) {
        return amount == null
                ? ""
                : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
