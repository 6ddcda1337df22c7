package org.attain.ingest.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.attain.calc.CalcRuns;
import org.attain.calc.RunStatus;

/**
 * What the import page says about the pay recalculation an import asked for: the people done so far while
 * it runs, then since when the numbers are current and how long it took, or why it failed. An import may
 * ask for two runs (the deals' people first, then their managers' roll-up); they are shown as one.
 */
record ImportRecalculation(
        boolean running,
        int done,
        int total,
        LocalTime currentSince,
        BigDecimal seconds,
        String error,
        long lastRunId) {

    static ImportRecalculation of(List<CalcRuns.Run> runs, ZoneId zone) {
        if (runs.isEmpty()) {
            return null;
        }
        int done = 0;
        int total = 0;
        boolean running = false;
        String error = null;
        Instant first = runs.get(0).startedAt();
        Instant last = null;
        for (CalcRuns.Run run : runs) {
            done += run.done();
            total += run.total();
            if (run.status() == RunStatus.RUNNING) {
                running = true;
            } else if (run.status() == RunStatus.FAILED) {
                error = run.error();
            }
            if (run.finishedAt() != null && (last == null || run.finishedAt().isAfter(last))) {
                last = run.finishedAt();
            }
        }
        BigDecimal seconds = last == null || first == null
                ? null
                : BigDecimal.valueOf(Duration.between(first, last).toMillis())
                        .divide(BigDecimal.valueOf(1000), 1, RoundingMode.HALF_UP);
        LocalTime since = last == null ? null : LocalTime.ofInstant(last, zone).truncatedTo(ChronoUnit.SECONDS);
        return new ImportRecalculation(
                running,
                done,
                total,
                since,
                seconds,
                error,
                runs.get(runs.size() - 1).id());
    }
}
