package org.attain.ingest;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.attain.calendar.FiscalCalendar;
import org.attain.calendar.PeriodRange;
import org.attain.calendar.Periods;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The loaded rows of an import whose close date falls outside every period the next run covers (last and
 * this fiscal year, unless a run is given a range), per fiscal year: the recalculation an import sets off
 * does not pay them, so the import's summary says so and how to run their periods. {@code null} when
 * every row is inside.
 */
public record OutsideRun(long deals, SortedMap<Integer, Long> byYear, String runFrom, String runTo) {

    /** The English sentence the CLI prints and the API returns; pages use {@link #message}. */
    @com.fasterxml.jackson.annotation.JsonProperty("message")
    public String english() {
        return text(Locale.ENGLISH, null);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public String message(MessageSource messages, Locale locale) {
        return text(locale, messages);
    }

    private String text(Locale locale, MessageSource messages) {
        NumberFormat f = NumberFormat.getIntegerInstance(locale);
        int first = byYear.firstKey();
        int last = byYear.lastKey();
        StringBuilder perYear = new StringBuilder();
        byYear.forEach((y, n) -> perYear.append(perYear.isEmpty() ? "" : ", ")
                .append(y)
                .append(": ")
                .append(f.format(n)));
        Object[] args = {
            f.format(deals), String.valueOf(first), String.valueOf(last), runFrom, runTo, perYear.toString(), deals
        };
        String close = deals == 1 ? "1 deal closes" : args[0] + " deals close";
        String key = first == last ? "ingest.outsideRun.oneYear" : "ingest.outsideRun.years";
        String english = first == last
                ? close + " in " + first + ", outside the periods of the next run (" + runFrom + " to " + runTo
                        + "). Calculate them with a run over their periods: on the Runs page or calc run --from "
                        + first
                        + " --to " + first + "."
                : close + " in " + first + " to " + last + " (" + perYear + "), outside the periods of the next run ("
                        + runFrom + " to " + runTo
                        + "). Calculate them with a run over their periods: on the Runs page or calc run"
                        + " --from " + first + " --to " + last + " (at most " + PeriodRange.MAX_YEARS
                        + " years per run).";
        return messages == null ? english : messages.getMessage(key, args, english, locale);
    }

    /** Counts an import's rows outside the next run from its stage and keeps the count on the import's record. */
    @Component
    public static class Counter {

        private static final JsonMapper JSON = JsonMapper.builder().build();
        private final Periods periods;

        Counter(Periods periods) {
            this.periods = periods;
        }

        /**
         * Reads the good rows of the stage ({@code ingest_stage}, inside the import's transaction) grouped by
         * month (months never straddle fiscal years): one pass over the stage, whatever its size.
         */
        OutsideRun count(JdbcClient jdbc, long importId) {
            FiscalCalendar calendar = periods.calendar();
            PeriodRange next = periods.defaultRange();
            SortedMap<Integer, Long> byYear = new TreeMap<>();
            jdbc.sql("""
                    select date_trunc('month', close_date)::date, count(*) from ingest_stage
                    where problems is null and (close_date < :first or close_date > :last)
                      and coalesce(upper(kind), 'DEAL') not in ('CANCELLATION', 'INVOICE_PAYMENT')
                    group by 1""")
                    .param("first", next.first())
                    .param("last", next.last())
                    .query((rs, n) -> byYear.merge(
                            calendar.fiscalYearOf(rs.getObject(1, LocalDate.class)), rs.getLong(2), Long::sum))
                    .list();
            if (byYear.isEmpty()) {
                return null;
            }
            Map<String, Object> stored = new LinkedHashMap<>();
            byYear.forEach((y, c) -> stored.put(String.valueOf(y), c));
            String from = next.periods().stream()
                    .filter(p -> p.kind() == org.attain.engine.time.PeriodKind.MONTH)
                    .findFirst()
                    .orElseThrow()
                    .toString();
            String to = next.periods().get(next.periods().size() - 1).toString();
            jdbc.sql("update ingest_import set outside_run = cast(:o as jsonb) where id = :id")
                    .param("o", JSON.writeValueAsString(Map.of("byYear", stored, "runFrom", from, "runTo", to)))
                    .param("id", importId)
                    .update();
            return of(byYear, from, to);
        }

        /** What an import recorded, or null when its rows were all inside the next run (or it predates the count). */
        public OutsideRun find(JdbcClient jdbc, long importId) {
            String stored = jdbc.sql("select outside_run::text from ingest_import where id = :id")
                    .param("id", importId)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (stored == null) {
                return null;
            }
            var node = JSON.readTree(stored);
            SortedMap<Integer, Long> byYear = new TreeMap<>();
            node.get("byYear")
                    .properties()
                    .forEach(e -> byYear.put(
                            Integer.parseInt(e.getKey()), e.getValue().asLong()));
            return byYear.isEmpty()
                    ? null
                    : of(
                            byYear,
                            node.get("runFrom").asString(),
                            node.get("runTo").asString());
        }

        private static OutsideRun of(SortedMap<Integer, Long> byYear, String from, String to) {
            return new OutsideRun(
                    byYear.values().stream().mapToLong(Long::longValue).sum(),
                    Collections.unmodifiableSortedMap(byYear),
                    from,
                    to);
        }
    }
}
