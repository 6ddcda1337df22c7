package org.attain.analytics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.analytics.Coaching;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A rep's coaching plan as JSON (goals with their live value and status, agendas, notes; suggestions for writers). */
@RestController
class CoachingApi {

    private final Coaching coaching;
    private final CoachingPages pages;
    private final Clock clock;

    CoachingApi(Coaching coaching, CoachingPages pages, Clock clock) {
        this.coaching = coaching;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/api/v1/coaching/reps/{id}")
    Map<String, Object> api(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        pages.visible(user, id);
        LocalDate today = LocalDate.now(clock);
        Coaching.Plan plan = coaching.plan(id, today);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("person_id", id);
        out.put(
                "goals",
                plan.goals().stream()
                        .map(g -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", g.id());
                            m.put("metric", g.metric().key());
                            m.put("target", g.target());
                            m.put("starts_on", g.startsOn().toString());
                            m.put("due_on", g.dueOn().toString());
                            m.put("source", g.source());
                            m.put("value", g.value());
                            m.put("progress", g.progress());
                            m.put("status", g.status().name());
                            return m;
                        })
                        .toList());
        out.put("agendas", plan.agendas().stream().map(CoachingApi::entry).toList());
        out.put("notes", plan.notes().stream().map(CoachingApi::entry).toList());
        if (CoachingPages.mayWrite(user, id)) {
            out.put(
                    "suggestions",
                    coaching.suggest(id, today).items().stream()
                            .map(s -> Map.of(
                                    "key", s.key(),
                                    "metric", s.metric().key(),
                                    "target", s.target(),
                                    "due_on", s.dueOn().toString()))
                            .toList());
        }
        return out;
    }

    private static Map<String, Object> entry(Coaching.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("meeting_on", e.meetingOn() == null ? null : e.meetingOn().toString());
        m.put("body", e.body());
        m.put("by", e.createdBy());
        return m;
    }
}
