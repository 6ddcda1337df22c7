package org.attain.home.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.calc.CalcRuns;
import org.attain.calc.RunKind;
import org.attain.calc.RunStatus;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.ingest.ImportRecords;
import org.attain.objectives.ObjectiveScores;
import org.attain.payout.Approvals;
import org.attain.payout.DisputeStatus;
import org.attain.payout.Disputes;
import org.springframework.stereotype.Component;

/**
 * "Waiting for you" on every home page: what asks this user to act, each with a count and a link to the list that
 * shows exactly those. Read through each owner's public API (payout, ingest, calc, objectives), never their tables.
 *
 * <ul>
 *   <li>approvals: payouts of the previous and the current quarter this user may approve, never approved or changed
 *       since (managers: their subtree; admins and comp admins: everyone);
 *   <li>disputes: a payee's own open and in-review disputes; for a manager their team's, for the back office all;
 *   <li>quarantined rows of imports still open (admins, comp admins);
 *   <li>calculation runs that failed, left payees out or have been running for over an hour, newer than the last
 *       clean full run (admins, comp admins);
 *   <li>unscored MBO objectives of a manager's direct reports in the current quarter.
 * </ul>
 */
@Component
class Inbox {

    /** A run still RUNNING after this long is shown as stuck. */
    static final Duration STALE_RUN = Duration.ofHours(1);

    private static final int IMPORTS_SHOWN = 5;
    private static final int RUNS_READ = 20;

    private final Approvals approvals;
    private final Disputes disputes;
    private final ImportRecords imports;
    private final CalcRuns runs;
    private final ObjectiveScores objectives;
    private final Periods periods;
    private final Clock clock;

    Inbox(
            Approvals approvals,
            Disputes disputes,
            ImportRecords imports,
            CalcRuns runs,
            ObjectiveScores objectives,
            Periods periods,
            Clock clock) {
        this.approvals = approvals;
        this.disputes = disputes;
        this.imports = imports;
        this.runs = runs;
        this.objectives = objectives;
        this.periods = periods;
        this.clock = clock;
    }

    /** One line of the inbox: message key with its arguments, how many, where they are listed; {@code kind} for tests. */
    record Entry(String kind, String key, List<String> args, long count, String href) {}

    List<Entry> entriesFor(AttainUser user, List<Long> directReports) {
        List<Entry> out = new ArrayList<>();
        approvals(user, out);
        disputes(user, out);
        boolean backOffice = user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN);
        if (backOffice) {
            quarantine(out);
            runs(out);
        }
        if (user.has(Role.MANAGER) && !directReports.isEmpty()) {
            String quarter = periods.currentSpan(PeriodKind.QUARTER).id();
            for (ObjectiveScores.Unscored u : objectives.unscored(user, directReports, quarter)) {
                out.add(new Entry(
                        "objectives",
                        "inbox.objectives",
                        List.of(u.personName(), u.period()),
                        u.objectives(),
                        "/objectives?person=" + u.personId() + "&period=" + u.period()));
            }
        }
        return List.copyOf(out);
    }

    private void approvals(AttainUser user, List<Entry> out) {
        if (!(user.has(Role.MANAGER) || user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN))) {
            return;
        }
        for (String period : lastTwoQuarters()) {
            Approvals.Waiting w = approvals.waiting(user, period);
            if (w.pending() > 0) {
                out.add(new Entry(
                        "approvals",
                        "inbox.approvals",
                        List.of(period),
                        w.pending(),
                        "/approvals?period=" + period + "&state=PENDING"));
            }
            if (w.changed() > 0) {
                out.add(new Entry(
                        "approvals-changed",
                        "inbox.approvalsChanged",
                        List.of(period),
                        w.changed(),
                        "/approvals?period=" + period + "&state=CHANGED"));
            }
        }
    }

    /** The quarter before the current one (payouts usually approved after it ends) and the current one. */
    private List<String> lastTwoQuarters() {
        Periods.Span current = periods.currentSpan(PeriodKind.QUARTER);
        List<String> out = new ArrayList<>();
        periods.list(PeriodKind.QUARTER, null).stream()
                .filter(q -> q.endsOn().equals(current.startsOn().minusDays(1)))
                .findFirst()
                .ifPresent(q -> out.add(q.id()));
        out.add(current.id());
        return out;
    }

    private void disputes(AttainUser user, List<Entry> out) {
        boolean answers = user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN) || user.has(Role.MANAGER);
        boolean payee = user.personId() != null && (user.has(Role.REP) || user.has(Role.MANAGER));
        if (!answers && !payee) {
            return;
        }
        long ownOpen = 0;
        long toAnswer = 0;
        long inReview = 0;
        for (DisputeStatus status : List.of(DisputeStatus.OPEN, DisputeStatus.IN_REVIEW)) {
            for (Disputes.Dispute d : disputes.list(user, new Disputes.Filter(status, null, null, null))) {
                boolean own = user.personId() != null && d.personId() == user.personId();
                if (own) {
                    ownOpen++;
                } else if (answers && status == DisputeStatus.OPEN) {
                    toAnswer++;
                } else if (answers) {
                    inReview++;
                }
            }
        }
        if (ownOpen > 0) {
            out.add(new Entry("disputes-own", "inbox.disputesOwn", List.of(), ownOpen, "/disputes"));
        }
        if (toAnswer > 0) {
            out.add(new Entry("disputes", "inbox.disputesToAnswer", List.of(), toAnswer, "/disputes?status=OPEN"));
        }
        if (inReview > 0) {
            out.add(new Entry(
                    "disputes-review", "inbox.disputesInReview", List.of(), inReview, "/disputes?status=IN_REVIEW"));
        }
    }

    private void quarantine(List<Entry> out) {
        for (ImportRecords.ImportRecord i : imports.withOpenQuarantine(IMPORTS_SHOWN)) {
            out.add(new Entry(
                    "quarantine",
                    "inbox.quarantine",
                    List.of(Long.toString(i.id()), i.fileName() == null ? i.source() : i.fileName()),
                    i.openRows(),
                    "/imports/" + i.id()));
        }
    }

    /** Runs newer than the last clean full run that failed, left payees out, or seem stuck. */
    private void runs(List<Entry> out) {
        Instant now = clock.instant();
        List<CalcRuns.Run> recent = runs.recent(RUNS_READ).stream()
                .sorted(Comparator.comparingLong(CalcRuns.Run::id).reversed())
                .toList();
        for (CalcRuns.Run r : recent) {
            if (r.kind() == RunKind.FULL && r.status() == RunStatus.DONE && leftOut(r) == 0) {
                break;
            }
            String id = Long.toString(r.id());
            if (r.status() == RunStatus.FAILED) {
                out.add(new Entry("run-failed", "inbox.runFailed", List.of(id), 1, "/runs/" + r.id()));
            } else if (r.status() == RunStatus.DONE && leftOut(r) > 0) {
                out.add(new Entry(
                        "run-left-out", "inbox.runPayeesLeftOut", List.of(id), leftOut(r), "/runs/" + r.id()));
            } else if (r.status() == RunStatus.RUNNING
                    && r.startedAt() != null
                    && r.startedAt().plus(STALE_RUN).isBefore(now)) {
                out.add(new Entry(
                        "run-stale",
                        "inbox.runStale",
                        List.of(
                                id,
                                LocalDate.ofInstant(r.startedAt(), clock.getZone())
                                        .toString()),
                        1,
                        "/runs/" + r.id()));
            }
        }
    }

    private static int leftOut(CalcRuns.Run r) {
        return r.failedPayees() == null ? 0 : r.failedPayees().size();
    }
}
