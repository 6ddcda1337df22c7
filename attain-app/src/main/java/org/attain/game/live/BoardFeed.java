package org.attain.game.live;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.attain.game.Board;
import org.attain.game.Leaderboards;
import org.attain.game.Metric;
import org.attain.game.Window;
import org.attain.platform.Broadcasts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open leaderboard screens (board pages and TV screens) and the boards each one shows. When a change touches a
 * metric, every board over that metric whose period overlaps the changed days is announced to its screens as an
 * event {@code board} with {@code {"board": id}} and nothing else: each screen then fetches its own page, so what it
 * shows is what {@code Leaderboards.view} (or the TV link's {@code everyoneView}) lets that viewer see. The event
 * carries no standings, so it cannot tell anyone more than their page would.
 *
 * <p>Announcing runs on one thread of its own: the import or capture that caused it never waits for the screens.
 * A subscriber gets {@code ready} at once, so a screen (or a test) knows it is listening.
 *
 * <p>Several nodes: a change is announced to the screens open on this node and, on the same thread, told to the
 * other nodes serving the database ({@link Broadcasts}, topic {@value #TOPIC}), which announce it to theirs. A node
 * never hears its own notice back, so its screens hear each change once.
 */
@Component
public class BoardFeed {

    private static final Logger log = LoggerFactory.getLogger(BoardFeed.class);
    private static final long TIMEOUT_MS = 30L * 60 * 1000;
    static final String TOPIC = "game.boards";

    private record Subscriber(SseEmitter emitter, Set<Long> boards, BooleanSupplier stillAllowed) {}

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService announcer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "game-live");
        t.setDaemon(true);
        return t;
    });
    private final Leaderboards boards;
    private final Broadcasts broadcasts;

    BoardFeed(Leaderboards boards, Broadcasts broadcasts) {
        this.boards = boards;
        this.broadcasts = broadcasts;
        broadcasts.listen(TOPIC, this::heard);
    }

    /** A new screen showing these boards. */
    public SseEmitter subscribe(Collection<Long> boardIds) {
        return subscribe(boardIds, () -> true);
    }

    /**
     * A new screen showing these boards for as long as {@code stillAllowed} says so (a TV link: until revoked;
     * checked before each announcement, and the stream is ended once it says no).
     */
    public SseEmitter subscribe(Collection<Long> boardIds, BooleanSupplier stillAllowed) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Subscriber s = new Subscriber(emitter, Set.copyOf(boardIds), stillAllowed);
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        send(s, SseEmitter.event().name("ready").data(Map.of("boards", s.boards())));
        return emitter;
    }

    /** How many screens are open (for tests and the benchmark's sanity check). */
    public int subscribers() {
        return subscribers.size();
    }

    /**
     * Metrics changed for the days [earliest, latest] (null: any day): announce the boards over them, here and on the
     * other nodes. Call it once the change has committed.
     */
    public void changed(Set<Metric> metrics, LocalDate earliest, LocalDate latest) {
        if (metrics.isEmpty()) {
            return;
        }
        synchronized (this) {
            // Changes arriving while one waits to be announced join it (a CRM sync writes opportunities one by one):
            // screens then refresh once for all of them, over the days of all of them.
            if (waiting != null) {
                waiting = waiting.with(metrics, earliest, latest);
                return;
            }
            waiting = new Change(EnumSet.copyOf(metrics), earliest, latest);
        }
        announcer.execute(() -> {
            Change c;
            synchronized (this) {
                c = waiting;
                waiting = null;
            }
            broadcasts.send(TOPIC, encode(c.metrics(), c.earliest(), c.latest()));
            announceHere(c.metrics(), c.earliest(), c.latest());
        });
    }

    /** A change waiting to be announced: its metrics and days (null: any day). */
    private record Change(Set<Metric> metrics, LocalDate earliest, LocalDate latest) {

        Change with(Set<Metric> more, LocalDate from, LocalDate to) {
            Set<Metric> all = EnumSet.copyOf(metrics);
            all.addAll(more);
            LocalDate e = earliest == null || from == null ? null : from.isBefore(earliest) ? from : earliest;
            LocalDate l = latest == null || to == null ? null : to.isAfter(latest) ? to : latest;
            return new Change(all, e, l);
        }
    }

    /** Guarded by this: the change queued on the announcer and not yet taken by it. */
    private Change waiting;

    /** Another node's change: announced to the screens open here only. */
    private void heard(String body) {
        String[] parts = body.split(";", -1);
        if (parts.length != 3 || parts[0].isEmpty()) {
            return;
        }
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        for (String m : parts[0].split(",")) {
            try {
                metrics.add(Metric.valueOf(m));
            } catch (IllegalArgumentException e) {
                // a metric a newer node knows and this one does not: no board of this node shows it
            }
        }
        if (metrics.isEmpty()) {
            return;
        }
        LocalDate earliest = parts[1].isEmpty() ? null : LocalDate.parse(parts[1]);
        LocalDate latest = parts[2].isEmpty() ? null : LocalDate.parse(parts[2]);
        announcer.execute(() -> announceHere(metrics, earliest, latest));
    }

    static String encode(Set<Metric> metrics, LocalDate earliest, LocalDate latest) {
        return metrics.stream().map(Metric::name).collect(java.util.stream.Collectors.joining(",")) + ";"
                + (earliest == null ? "" : earliest) + ";" + (latest == null ? "" : latest);
    }

    private void announceHere(Set<Metric> metrics, LocalDate earliest, LocalDate latest) {
        if (subscribers.isEmpty()) {
            return;
        }
        try {
            announce(metrics, earliest, latest);
        } catch (RuntimeException e) {
            log.warn("live boards: could not announce a change of {}", metrics, e);
        }
    }

    private void announce(Set<Metric> metrics, LocalDate earliest, LocalDate latest) {
        for (Board b : boards.all()) {
            // A formula may name any metric: its boards hear every change.
            if ((metrics.contains(b.metric()) || b.metric() == Metric.FORMULA) && overlaps(b, earliest, latest)) {
                for (Subscriber s : subscribers) {
                    if (s.boards().contains(b.id()) && allowed(s)) {
                        send(s, SseEmitter.event().name("board").data(Map.of("board", b.id())));
                    }
                }
            }
        }
    }

    /** Open pipeline is "now", whatever the window; the other metrics count the window's days. */
    private boolean overlaps(Board b, LocalDate earliest, LocalDate latest) {
        if (b.metric() == Metric.PIPELINE || earliest == null || latest == null) {
            return true;
        }
        try {
            Window.Days days = boards.daysOf(b);
            return !days.from().isAfter(latest) && !days.to().isBefore(earliest);
        } catch (RuntimeException e) {
            return false; // a board whose period is gone has nothing to refresh
        }
    }

    private boolean allowed(Subscriber s) {
        if (s.stillAllowed().getAsBoolean()) {
            return true;
        }
        subscribers.remove(s);
        s.emitter().complete();
        return false;
    }

    private void send(Subscriber s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            // The screen went away; drop it rather than fail the others.
            subscribers.remove(s);
        }
    }

    /** Open event streams would hold a graceful shutdown until they time out; end them first. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
        announcer.shutdownNow();
    }
}
