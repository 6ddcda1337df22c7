package org.attain.territory.balance;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.attain.platform.ConflictException;
import org.attain.platform.ErrorIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Balancing runs in the background, one at a time (the machine's cores are the calculation's too): start one
 * (the problem is checked at once, bad input refused before anything is queued), read its progress while it runs
 * (best score so far, elapsed, share of the time limit) and stop it, which keeps the best plan found so far.
 * Jobs live in memory only, the last {@value #KEEP} of them; a restart forgets them.
 */
@Service
public class BalanceJobs {

    static final int KEEP = 20;

    static final int MAX_WAITING = 3;

    private static final Logger log = LoggerFactory.getLogger(BalanceJobs.class);

    /** Where a job is. */
    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        STOPPED,
        FAILED
    }

    /**
     * A job as its caller sees it. {@code bestScore} and {@code feasibleSoFar} follow the search; {@code result} is
     * there once the job is DONE or STOPPED; {@code failure} names the error id of a FAILED one.
     */
    public record Job(
            long id,
            State state,
            String startedBy,
            Instant submittedAt,
            int accounts,
            int territories,
            int timeLimitSeconds,
            String bestScore,
            boolean feasibleSoFar,
            long elapsedMillis,
            int percentOfTimeLimit,
            BalanceResult result,
            String failure) {}

    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "territory-balance");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Entry> jobs = new LinkedHashMap<>();

    public BalanceJobs(Clock clock) {
        this.clock = clock;
    }

    /** Checks the problem (throws {@code InvalidInputException}) and queues it; returns the queued job. */
    public Job start(BalanceProblem problem, String startedBy) {
        TerritoryBalancer.Run run = TerritoryBalancer.prepare(problem);
        Entry entry;
        synchronized (jobs) {
            long waiting =
                    jobs.values().stream().filter(e -> e.state == State.QUEUED).count();
            if (waiting >= MAX_WAITING) {
                throw new ConflictException(
                        waiting + " balancing runs are already waiting; stop one or wait for it to finish.");
            }
            entry = new Entry(ids.incrementAndGet(), run, startedBy, clock.instant(), problem);
            jobs.put(entry.id, entry);
            forgetOldest();
        }
        executor.execute(() -> entry.execute());
        return entry.view();
    }

    public Optional<Job> find(long id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(Entry::view);
        }
    }

    /** The kept jobs, newest first. */
    public List<Job> recent() {
        synchronized (jobs) {
            List<Job> out =
                    new ArrayList<>(jobs.values().stream().map(Entry::view).toList());
            out.sort(Comparator.comparingLong(Job::id).reversed());
            return out;
        }
    }

    /**
     * Stops a job: a running one ends with the best plan found so far (STOPPED with a result); a queued one never
     * starts (STOPPED without a result); a finished one stays as it is.
     */
    public Optional<Job> stop(long id) {
        Entry entry;
        synchronized (jobs) {
            entry = jobs.get(id);
        }
        if (entry == null) {
            return Optional.empty();
        }
        entry.stop();
        return Optional.of(entry.view());
    }

    @PreDestroy
    void shutdown() {
        synchronized (jobs) {
            jobs.values().forEach(Entry::stop);
        }
        executor.shutdownNow();
    }

    private void forgetOldest() {
        var it = jobs.values().iterator();
        while (jobs.size() > KEEP && it.hasNext()) {
            Entry oldest = it.next();
            if (oldest.state != State.QUEUED && oldest.state != State.RUNNING) {
                it.remove();
            }
        }
    }

    private static final class Entry {

        final long id;
        final TerritoryBalancer.Run run;
        final String startedBy;
        final Instant submittedAt;
        final int accounts;
        final int territories;
        final Duration timeLimit;
        volatile State state = State.QUEUED;
        volatile String bestScore = "";
        volatile boolean feasibleSoFar;
        volatile long startedNanos;
        volatile long elapsedMillis;
        volatile BalanceResult result;
        volatile String failure;

        Entry(long id, TerritoryBalancer.Run run, String startedBy, Instant submittedAt, BalanceProblem problem) {
            this.id = id;
            this.run = run;
            this.startedBy = startedBy;
            this.submittedAt = submittedAt;
            this.accounts = problem.accounts().size();
            this.territories = problem.territories().size();
            this.timeLimit = run.timeLimit();
        }

        void execute() {
            synchronized (this) {
                if (state != State.QUEUED) {
                    return;
                }
                startedNanos = System.nanoTime();
                state = State.RUNNING;
            }
            try {
                BalanceResult done = run.solve((score, feasible) -> {
                    bestScore = score;
                    feasibleSoFar = feasible;
                });
                elapsedMillis =
                        Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
                result = done;
                bestScore = done.score();
                feasibleSoFar = done.feasible();
                state = done.stoppedEarly() ? State.STOPPED : State.DONE;
            } catch (RuntimeException e) {
                String errorId = ErrorIds.next();
                log.error("Territory balancing job {} failed, error id {}", id, errorId, e);
                elapsedMillis =
                        Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
                failure = "The balancing run failed; quote error id " + errorId + " when you report it.";
                state = State.FAILED;
            }
        }

        void stop() {
            synchronized (this) {
                if (state == State.QUEUED) {
                    state = State.STOPPED;
                    return;
                }
            }
            if (state == State.RUNNING) {
                run.stop();
            }
        }

        Job view() {
            State now = state;
            long elapsed = now == State.RUNNING
                    ? Duration.ofNanos(System.nanoTime() - startedNanos).toMillis()
                    : elapsedMillis;
            int percent = (int) Math.min(100, elapsed * 100 / Math.max(1, timeLimit.toMillis()));
            if (now == State.DONE) {
                percent = 100;
            }
            return new Job(
                    id,
                    now,
                    startedBy,
                    submittedAt,
                    accounts,
                    territories,
                    (int) timeLimit.toSeconds(),
                    bestScore,
                    feasibleSoFar,
                    elapsed,
                    percent,
                    result,
                    failure);
        }
    }
}
