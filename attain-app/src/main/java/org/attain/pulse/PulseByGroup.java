package org.attain.pulse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.access.AttainUser;
import org.attain.pulse.GroupSuppression.Reason;
import org.springframework.stereotype.Service;

/**
 * Each region's and team's eNPS from the latest survey that reached it, for pages that show it beside the group's
 * performance. Read through {@link PulseSurveys#results}, so the same rules hold as on the survey's own page: only
 * groups wholly within the viewer's visibility, and a group under the survey's minimum or one that would reveal a
 * hidden sibling by subtraction comes back hidden, with its reason and no number. A person is never a group.
 */
@Service
public class PulseByGroup {

    private final PulseSurveys surveys;
    private final Clock clock;

    PulseByGroup(PulseSurveys surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
    }

    /** What a region or team is called in a survey's frozen groups. */
    public enum Level {
        REGION,
        TEAM
    }

    /**
     * A group's result in one survey: shown with its eNPS, answers and response rate, or hidden with the reason only.
     */
    public record GroupEnps(
            Level level,
            long refId,
            String name,
            long surveyId,
            String surveyTitle,
            LocalDate closesOn,
            boolean shown,
            Reason reason,
            Integer enps,
            Integer answers,
            Integer responsePercent) {}

    /** The latest opened survey's result per region and team this viewer may read; empty for a viewer who reads none. */
    public Map<Level, Map<Long, GroupEnps>> latest(AttainUser viewer) {
        LocalDate today = LocalDate.now(clock);
        List<PulseSurveys.Survey> readable = new ArrayList<>(surveys.surveys(viewer));
        readable.removeIf(s -> s.opensOn().isAfter(today));
        readable.sort(Comparator.comparing(PulseSurveys.Survey::closesOn)
                .thenComparing(PulseSurveys.Survey::id)
                .reversed());
        Map<Level, Map<Long, GroupEnps>> out = new LinkedHashMap<>();
        out.put(Level.REGION, new LinkedHashMap<>());
        out.put(Level.TEAM, new LinkedHashMap<>());
        for (PulseSurveys.Survey s : readable) {
            for (PulseSurveys.GroupResult g : surveys.results(s.id(), viewer).groups()) {
                level(g.kind()).ifPresent(level -> {
                    if (g.refId() != null) {
                        out.get(level).putIfAbsent(g.refId(), of(level, s, g));
                    }
                });
            }
        }
        return out;
    }

    private static Optional<Level> level(String kind) {
        return switch (kind) {
            case "REGION" -> Optional.of(Level.REGION);
            case "TEAM" -> Optional.of(Level.TEAM);
            default -> Optional.empty();
        };
    }

    private static GroupEnps of(Level level, PulseSurveys.Survey s, PulseSurveys.GroupResult g) {
        boolean shown = g.shown() && g.tally() != null;
        return new GroupEnps(
                level,
                g.refId(),
                g.name(),
                s.id(),
                s.title(),
                s.closesOn(),
                shown,
                shown ? null : g.reason(),
                shown ? g.enps() : null,
                shown ? g.tally().answers() : null,
                shown ? g.responsePercent() : null);
    }
}
