package org.attain.expense.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.attain.calendar.Periods;
import org.attain.expense.CommissionExpense;
import org.attain.expense.DatevHeader;
import org.attain.expense.JournalEntries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the DATEV header of a journal export says about the company: consultant and client numbers and the chart of
 * accounts ({@code attain.datev.consultant}, {@code attain.datev.client}, {@code attain.datev.chart}; DATEV's own
 * sample numbers 1001 and 1 and SKR03 unless set), the fiscal year from the calendar, the time from the clock.
 */
@Component
class DatevSettings {

    private final Periods periods;
    private final Clock clock;
    private final int consultant;
    private final int client;
    private final String chart;

    DatevSettings(
            Periods periods,
            Clock clock,
            @Value("${attain.datev.consultant:1001}") int consultant,
            @Value("${attain.datev.client:1}") int client,
            @Value("${attain.datev.chart:03}") String chart) {
        this.periods = periods;
        this.clock = clock;
        this.consultant = consultant;
        this.client = client;
        this.chart = chart;
    }

    DatevHeader header(CommissionExpense.Report report, YearMonth from, YearMonth to) {
        int length = 4;
        for (JournalEntries.Entry e : report.entries()) {
            length = Math.max(length, Math.max(e.debit().length(), e.credit().length()));
        }
        return new DatevHeader(
                LocalDateTime.now(clock),
                consultant,
                client,
                DatevHeader.fiscalYearStart(from, periods.calendar().startMonth()),
                Math.min(length, 9),
                from.atDay(1),
                to.atEndOfMonth(),
                "Provisionen " + from + " bis " + to,
                report.currency(),
                chart);
    }
}
