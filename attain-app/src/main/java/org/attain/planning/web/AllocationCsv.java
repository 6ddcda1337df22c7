package org.attain.planning.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attain.planning.QuotaPlans;
import org.attain.platform.CellText;

/** A plan's allocation as CSV: one row per node the user may see, in tree order, amounts as plain numbers. */
final class AllocationCsv {

    private AllocationCsv() {}

    static String of(QuotaPlans.Detail detail) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(CellText.row(
                    "plan_id",
                    "period_id",
                    "measure",
                    "person_id",
                    "manager_id",
                    "name",
                    "title",
                    "depth",
                    "method",
                    "top_down",
                    "submitted",
                    "bottom_up",
                    "gap",
                    "currency"));
            for (QuotaPlans.Line l : detail.lines()) {
                csv.printRecord(CellText.row(
                        detail.plan().id(),
                        detail.plan().periodId(),
                        detail.plan().measure(),
                        l.node().personId(),
                        l.node().parentId() == null ? "" : l.node().parentId(),
                        l.node().name(),
                        l.node().title() == null ? "" : l.node().title(),
                        l.node().depth(),
                        l.method() == null ? "" : l.method().name(),
                        plain(l.topDown()),
                        plain(l.submitted()),
                        plain(l.bottomUp()),
                        plain(l.gap()),
                        detail.plan().currency()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String plain(BigDecimal amount) {
        return amount == null
                ? ""
                : amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
