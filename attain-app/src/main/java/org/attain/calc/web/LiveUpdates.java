package org.attain.calc.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.attain.access.AttainUser;
import org.attain.org.PersonScope;
import org.attain.org.Visibility;
import org.attain.platform.Broadcasts;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes "your numbers changed" to open pages (server-sent events). Finished calculation runs are
 * picked up from the database once a second, so it works whichever part of Attain (or which of
 * several instances) ran the calculation; each page is told only about people its user may see. A run
 * finished on another node serving the database is looked for at once, when that node's notice arrives
 * ({@link Broadcasts}, topic {@code calc.runs}); the last run told keeps any run from being told twice.
 */
@Controller
class LiveUpdates {

    private record Subscriber(SseEmitter emitter, PersonScope scope) {}

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong lastRun = new AtomicLong(-1);
    private final JdbcClient jdbc;
    private final Visibility visibility;

    LiveUpdates(JdbcClient jdbc, Visibility visibility, Broadcasts broadcasts) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        broadcasts.listen("calc.runs", run -> publishFinishedRuns());
    }

    @GetMapping(value = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter subscribe(@AuthenticationPrincipal AttainUser user) {
        SseEmitter emitter = new SseEmitter(30L * 60 * 1000);
        Subscriber s = new Subscriber(emitter, visibility.scopeOf(user));
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        return emitter;
    }

    @Scheduled(fixedDelay = 1000)
    synchronized void publishFinishedRuns() {
        if (lastRun.get() < 0) {
            lastRun.set(jdbc.sql("select coalesce(max(id), 0) from calc_run where status <> 'RUNNING'")
                    .query(Long.class)
                    .single());
            return;
        }
        List<Long> runs = jdbc.sql("select id from calc_run where id > :last and status = 'DONE' order by id")
                .param("last", lastRun.get())
                .query(Long.class)
                .list();
        for (long run : runs) {
            lastRun.set(run);
            if (subscribers.isEmpty()) {
                continue;
            }
            List<Long> people = jdbc.sql("select distinct person_id from payee_period_result where run_id = :r")
                    .param("r", run)
                    .query(Long.class)
                    .list();
            for (Subscriber s : subscribers) {
                if (people.stream().anyMatch(p -> s.scope().includes(p))) {
                    send(s, run);
                }
            }
        }
    }

    /** Open event streams would hold a graceful shutdown until they time out; end them first. */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closeAll() {
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }

    private void send(Subscriber s, long run) {
        try {
            s.emitter().send(SseEmitter.event().name("results").data(Map.of("run", run)));
        } catch (IOException | IllegalStateException e) {
            // The browser went away; drop the subscription rather than fail the others.
            subscribers.remove(s);
        }
    }
}
