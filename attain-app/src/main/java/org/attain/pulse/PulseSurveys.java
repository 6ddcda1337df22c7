package org.attain.pulse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.access.Role;
import org.attain.org.People;
import org.attain.org.PersonScope;
import org.attain.org.PersonView;
import org.attain.org.Teams;
import org.attain.org.Visibility;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.attain.pulse.Enps.Tally;
import org.attain.pulse.Enps.Thresholds;
import org.attain.pulse.GroupSuppression.Decision;
import org.attain.pulse.GroupSuppression.Group;
import org.attain.pulse.GroupSuppression.Reason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pulse surveys: send one to groups, answer it once and anonymously, read results per group with the small
 * groups and the groups that would reveal them hidden, and follow a group's eNPS over surveys.
 */
@Service
public class PulseSurveys {

    public static final int MAX_TEXT = 2000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final People people;
    private final Teams teams;
    private final Visibility visibility;
    private final AuditLog audit;
    private final Clock clock;
    private final PulseSeals seals;

    PulseSurveys(
            JdbcClient jdbc,
            People people,
            Teams teams,
            Visibility visibility,
            AuditLog audit,
            Clock clock,
            PulseSeals seals) {
        this.jdbc = jdbc;
        this.seals = seals;
        this.people = people;
        this.teams = teams;
        this.visibility = visibility;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who receives a survey: everyone (roles that see everyone), chosen teams, or the sender's own subtree. */
    public enum Target {
        EVERYONE,
        TEAMS,
        MY_SUBTREE
    }

    public enum QuestionKind {
        SCALE,
        TEXT
    }

    public record NewQuestion(QuestionKind kind, String text) {}

    public record NewSurvey(
            String title,
            String question,
            Integer promoterMin,
            Integer passiveMin,
            Integer minGroupSize,
            LocalDate opensOn,
            LocalDate closesOn,
            Target target,
            List<Long> teamIds,
            List<NewQuestion> questions) {}

    public record Survey(
            long id,
            String title,
            String question,
            int promoterMin,
            int passiveMin,
            int minGroupSize,
            LocalDate opensOn,
            LocalDate closesOn,
            String createdBy,
            int recipients,
            int answers) {

        public boolean openOn(LocalDate day) {
            return !day.isBefore(opensOn) && !day.isAfter(closesOn);
        }

        public Integer responsePercent() {
            return recipients == 0 ? null : Enps.percent(answers, recipients);
        }
    }

    public record Question(long id, int position, QuestionKind kind, String text) {}

    /** A survey sent to the user: its token while unanswered and open, null once answered. */
    public record Invitation(Survey survey, String token, boolean answered) {}

    public record AnswerForm(Survey survey, List<Question> questions) {}

    /** An answer: the score and, per optional question id, the value as typed (a 1..5 scale or text). */
    public record NewAnswer(Integer score, Map<Long, String> items) {}

    /**
     * One optional question's answers in a group: shown with the average (scale) or the texts, or hidden with the
     * reason only (no count, no value) when fewer than the survey's minimum answered it there, or when showing it would
     * reveal a hidden group's answers by subtraction; an optional question is left blank by some, so it is suppressed
     * on its own counts.
     */
    public record ItemResult(
            Question question, boolean shown, Reason reason, BigDecimal average, Integer count, List<String> texts) {}

    public record GroupResult(
            long id,
            Long parentId,
            String kind,
            String name,
            int depth,
            int recipients,
            boolean shown,
            Reason reason,
            String revealsName,
            boolean revealsRest,
            Tally tally,
            Integer enps,
            Integer responsePercent,
            List<ItemResult> items,
            Long refId) {}

    /** Results as this viewer may see them; the survey's own answer count includes the hidden groups' answers. */
    public record Results(Survey survey, List<Question> questions, List<GroupResult> groups) {}

    public record TrendPoint(long surveyId, String title, LocalDate closesOn, String groupName, Integer enps) {}

    // ---------------------------------------------------------------- sending

    @Transactional
    public Survey send(NewSurvey s, AttainUser sender) {
        if (!mayCreate(sender)) {
            throw new ForbiddenException("You may not send surveys.");
        }
        LocalDate today = LocalDate.now(clock);
        SurveyRefused.Collector problems = new SurveyRefused.Collector();
        String title = s.title() == null ? "" : s.title().strip();
        if (title.isEmpty() || title.length() > 120) {
            problems.add("title", "pulse.refused.title", "give the survey a title of at most 120 characters");
        }
        String question = s.question() == null || s.question().isBlank()
                ? null
                : s.question().strip();
        if (question != null && question.length() > 300) {
            problems.add("question", "pulse.refused.questionText", "the question has at most 300 characters", 0);
        }
        int promoterMin = s.promoterMin() == null ? Thresholds.DEFAULT.promoterMin() : s.promoterMin();
        int passiveMin = s.passiveMin() == null ? Thresholds.DEFAULT.passiveMin() : s.passiveMin();
        if (passiveMin < 1 || passiveMin > promoterMin || promoterMin > 10) {
            problems.add(
                    "promoterMin",
                    "pulse.refused.thresholds",
                    "passives start from 1 to 10 and promoters at or above them, at most 10");
        }
        int minimum = s.minGroupSize() == null ? GroupSuppression.DEFAULT_MINIMUM : s.minGroupSize();
        if (minimum < GroupSuppression.FLOOR || minimum > 1000) {
            problems.add(
                    "minGroupSize",
                    "pulse.refused.minimum",
                    "the minimum group size is at least " + GroupSuppression.FLOOR,
                    GroupSuppression.FLOOR);
        }
        if (s.opensOn() == null || s.closesOn() == null) {
            problems.add("closesOn", "pulse.refused.datesMissing", "give the opening and closing dates");
        } else if (s.closesOn().isBefore(s.opensOn())) {
            problems.add("closesOn", "pulse.refused.dates", "the survey closes before it opens");
        } else if (s.closesOn().isBefore(today)) {
            problems.add(
                    "closesOn",
                    "pulse.refused.closesInPast",
                    "the closing date " + s.closesOn() + " is past",
                    s.closesOn());
        }
        List<NewQuestion> extra = s.questions() == null ? List.of() : s.questions();
        for (int i = 0; i < extra.size(); i++) {
            NewQuestion q = extra.get(i);
            if (q.kind() == null
                    || q.text() == null
                    || q.text().isBlank()
                    || q.text().strip().length() > 300) {
                problems.add(
                        "questions[" + i + "]",
                        "pulse.refused.questionText",
                        "question " + (i + 1) + " needs a kind (SCALE or TEXT) and a text of 1 to 300 characters",
                        i + 1);
            }
        }
        Target target = s.target() == null ? Target.TEAMS : s.target();
        List<PersonView> recipients = recipients(target, s.teamIds(), sender, today, problems);
        problems.throwIfAny();
        if (recipients.size() < minimum) {
            throw SurveyRefused.of(
                    "target",
                    "pulse.refused.wouldIdentify",
                    recipients.size() + " people would receive this survey, fewer than the minimum group size of "
                            + minimum + ": the results would identify people",
                    recipients.size(),
                    minimum);
        }
        long id = insert(
                new NewSurvey(
                        title,
                        question,
                        promoterMin,
                        passiveMin,
                        minimum,
                        s.opensOn(),
                        s.closesOn(),
                        target,
                        null,
                        extra),
                sender.seesEveryone() ? null : sender.personId(),
                sender.getUsername(),
                recipients);
        audit.record(
                sender.getUsername(),
                "pulse.survey.sent",
                "pulse_survey",
                String.valueOf(id),
                null,
                Map.of("title", title, "recipients", recipients.size(), "target", target.name()));
        return survey(id).orElseThrow();
    }

    /** Stores a checked survey, its questions, its frozen groups and one token per recipient. */
    long insert(NewSurvey s, Long senderPersonId, String createdBy, List<PersonView> recipients) {
        long id = jdbc.sql("""
                insert into pulse_survey(title, question, promoter_min, passive_min, min_group_size, opens_on, closes_on,
                                         sender_person_id, created_by, created_at)
                values (:title, :question, :pm, :pa, :min, :opens, :closes, :sender, :by, :at) returning id""")
                .param("title", s.title())
                .param("question", s.question())
                .param("pm", s.promoterMin())
                .param("pa", s.passiveMin())
                .param("min", s.minGroupSize())
                .param("opens", s.opensOn())
                .param("closes", s.closesOn())
                .param("sender", senderPersonId)
                .param("by", createdBy)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        List<NewQuestion> extra = s.questions() == null ? List.of() : s.questions();
        for (int i = 0; i < extra.size(); i++) {
            jdbc.sql("insert into pulse_question(survey_id, position, kind, text) values (:s, :p, :k, :t)")
                    .param("s", id)
                    .param("p", i + 1)
                    .param("k", extra.get(i).kind().name())
                    .param("t", extra.get(i).text().strip())
                    .update();
        }
        freezeGroups(id, recipients);
        return id;
    }

    public static boolean mayCreate(AttainUser user) {
        return user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN) || user.has(Role.MANAGER);
    }

    /** The teams this user may send a survey to: all for admins, for a manager those wholly in their subtree. */
    public List<Teams.Team> teamsFor(AttainUser user) {
        if (user.seesEveryone()) {
            return teams.all().stream().filter(t -> t.members() > 0).toList();
        }
        if (user.personId() == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Set<Long> subtree = visibility.subtree(user.personId(), today);
        Map<Long, List<PersonView>> byTeam = new HashMap<>();
        for (PersonView p : active(PersonScope.everyone(), today)) {
            if (p.teamId() != null) {
                byTeam.computeIfAbsent(p.teamId(), k -> new ArrayList<>()).add(p);
            }
        }
        return teams.all().stream()
                .filter(t -> byTeam.containsKey(t.id())
                        && byTeam.get(t.id()).stream().allMatch(p -> subtree.contains(p.id())))
                .toList();
    }

    private List<PersonView> recipients(
            Target target, List<Long> teamIds, AttainUser sender, LocalDate today, SurveyRefused.Collector problems) {
        List<PersonView> everyone = active(PersonScope.everyone(), today);
        List<PersonView> chosen = new ArrayList<>();
        switch (target) {
            case EVERYONE -> {
                if (!sender.seesEveryone()) {
                    problems.add("target", "pulse.refused.everyone", "only roles that see everyone send to everyone");
                } else {
                    chosen.addAll(everyone);
                }
            }
            case MY_SUBTREE -> {
                if (sender.personId() == null) {
                    problems.add(
                            "target",
                            "pulse.refused.noSubtree",
                            "this login belongs to no person, so it has no subtree");
                } else {
                    Set<Long> subtree = visibility.subtree(sender.personId(), today);
                    everyone.stream().filter(p -> subtree.contains(p.id())).forEach(chosen::add);
                }
            }
            case TEAMS -> {
                if (teamIds == null || teamIds.isEmpty()) {
                    problems.add("teamIds", "pulse.refused.noTeams", "choose at least one team");
                    break;
                }
                Map<Long, Teams.Team> allowed = new HashMap<>();
                teamsFor(sender).forEach(t -> allowed.put(t.id(), t));
                for (Long teamId : new java.util.LinkedHashSet<>(teamIds)) {
                    if (!allowed.containsKey(teamId)) {
                        problems.add(
                                "teamIds",
                                "pulse.refused.teamOutside",
                                "team " + teamId + " is unknown, empty or not wholly in your reporting subtree",
                                teamId);
                    }
                }
                Set<Long> wanted = new HashSet<>(teamIds);
                everyone.stream()
                        .filter(p -> p.teamId() != null && wanted.contains(p.teamId()))
                        .forEach(chosen::add);
            }
        }
        if (sender.personId() != null) {
            chosen.removeIf(p -> p.id() == sender.personId()); // nobody answers their own survey
        }
        return chosen;
    }

    List<PersonView> active(PersonScope scope, LocalDate day) {
        return people.list(scope, People.Filter.none(), day, 0, 1_000_000).items().stream()
                .filter(p -> p.activeOn(day))
                .toList();
    }

    /** everyone surveyed → region → team; people without a team stay directly in "everyone". */
    private void freezeGroups(long surveyId, List<PersonView> recipients) {
        Map<Long, Teams.Team> teamById = new HashMap<>();
        teams.all().forEach(t -> teamById.put(t.id(), t));
        long root = insertGroup(surveyId, null, "ALL", null, "", recipients.size());
        Map<Long, List<PersonView>> byRegion = new TreeMap<>();
        Map<Long, List<PersonView>> byTeam = new TreeMap<>();
        for (PersonView p : recipients) {
            if (p.teamId() != null && teamById.containsKey(p.teamId())) {
                byTeam.computeIfAbsent(p.teamId(), k -> new ArrayList<>()).add(p);
                Long region = teamById.get(p.teamId()).regionId();
                if (region != null) {
                    byRegion.computeIfAbsent(region, k -> new ArrayList<>()).add(p);
                }
            }
        }
        Map<Long, Long> regionGroup = new HashMap<>();
        for (var e : byRegion.entrySet()) {
            String name = teamById.values().stream()
                    .filter(t -> e.getKey().equals(t.regionId()))
                    .map(Teams.Team::region)
                    .findFirst()
                    .orElse("?");
            regionGroup.put(
                    e.getKey(),
                    insertGroup(
                            surveyId,
                            root,
                            "REGION",
                            e.getKey(),
                            name,
                            e.getValue().size()));
        }
        Map<Long, Long> personGroup = new HashMap<>();
        for (var e : byTeam.entrySet()) {
            Teams.Team team = teamById.get(e.getKey());
            long parent = team.regionId() == null ? root : regionGroup.get(team.regionId());
            long group = insertGroup(
                    surveyId,
                    parent,
                    "TEAM",
                    team.id(),
                    team.name(),
                    e.getValue().size());
            e.getValue().forEach(p -> personGroup.put(p.id(), group));
        }
        for (PersonView p : recipients) {
            jdbc.sql("insert into pulse_recipient(survey_id, person_id, group_id, token) values (:s, :p, :g, :t)")
                    .param("s", surveyId)
                    .param("p", p.id())
                    .param("g", personGroup.getOrDefault(p.id(), root))
                    .param("t", newToken())
                    .update();
        }
    }

    private long insertGroup(long surveyId, Long parent, String kind, Long ref, String name, int recipients) {
        return jdbc.sql("""
                insert into pulse_group(survey_id, parent_id, kind, ref_id, name, recipients)
                values (:s, :parent, :kind, :ref, :name, :n) returning id""")
                .param("s", surveyId)
                .param("parent", parent)
                .param("kind", kind)
                .param("ref", ref)
                .param("name", name)
                .param("n", recipients)
                .query(Long.class)
                .single();
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---------------------------------------------------------------- answering

    /** The surveys sent to this user's person, newest first: open and unanswered ones carry their token. */
    public List<Invitation> invitations(AttainUser user) {
        if (user.personId() == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc
                .sql("select survey_id, token from pulse_recipient where person_id = :p order by survey_id desc")
                .param("p", user.personId())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list()
                .stream()
                .map(row -> {
                    Survey survey = survey((Long) row[0]).orElseThrow();
                    boolean answered = seals.answered(survey.id(), user.personId());
                    return new Invitation(survey, answered || !survey.openOn(today) ? null : (String) row[1], answered);
                })
                .toList();
    }

    private record Recipient(long surveyId, long personId, long groupId) {}

    /** The recipient behind a token, read only: nothing is written to their row when they answer. */
    private Optional<Recipient> recipient(String token) {
        return token == null
                ? Optional.empty()
                : jdbc.sql("select survey_id, person_id, group_id from pulse_recipient where token = :t")
                        .param("t", token)
                        .query(Recipient.class)
                        .optional();
    }

    /** The form behind a token; an unknown token, or one whose person has answered, is refused as such. */
    public AnswerForm form(String token) {
        Recipient recipient = recipient(token)
                .filter(r -> !seals.answered(r.surveyId(), r.personId()))
                .orElseThrow(PulseSurveys::tokenUsed);
        Survey survey = survey(recipient.surveyId()).orElseThrow();
        return new AnswerForm(survey, questions(recipient.surveyId()));
    }

    /**
     * Stores one answer for the token's survey and group, without the person or the time. The transaction writes
     * nothing that names the person: the recipient's row is only read (not even locked, since a row lock is written
     * into the row), and "has answered" is the person's seal ({@link PulseSeals}); a second answer finds the seal and is
     * refused, also when both arrive at once (the seal's primary key decides).
     */
    @Transactional
    public void answer(String token, NewAnswer answer) {
        Recipient recipient = recipient(token)
                .filter(r -> !seals.answered(r.surveyId(), r.personId()))
                .orElseThrow(PulseSurveys::tokenUsed);
        long surveyId = recipient.surveyId();
        Survey survey = survey(surveyId).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        if (today.isAfter(survey.closesOn())) {
            throw SurveyRefused.of(
                    "survey",
                    "pulse.refused.closed",
                    "this survey closed on " + survey.closesOn() + "; answers are no longer accepted",
                    survey.closesOn());
        }
        if (today.isBefore(survey.opensOn())) {
            throw SurveyRefused.of(
                    "survey", "pulse.refused.notOpen", "this survey opens on " + survey.opensOn(), survey.opensOn());
        }
        Map<Long, Object> items = validate(answer, questions(surveyId));
        if (!seals.seal(surveyId, recipient.personId())) {
            throw tokenUsed();
        }
        record(surveyId, recipient.groupId(), today, answer.score(), items);
    }

    /** Seals a person's answer (for the demo's past surveys, stored through {@link #record}). */
    boolean seal(long surveyId, long personId) {
        return seals.seal(surveyId, personId);
    }

    /**
     * The group an answer is stored under: the person's smallest group if it has at least the survey's minimum of
     * recipients, else the nearest group above that has. A team of one or two would otherwise name its people in the
     * stored row; its results are hidden for too few answers either way, and the group above counts the answer in its
     * rest (people in it but in none of its shown parts), which the suppression protects like a group.
     */
    long storedUnder(long surveyId, long groupId) {
        int minimum = survey(surveyId).orElseThrow().minGroupSize();
        Map<Long, GroupRow> byId = new HashMap<>();
        groups(surveyId).forEach(g -> byId.put(g.id(), g));
        GroupRow g = byId.get(groupId);
        while (g.recipients() < minimum && g.parentId() != null) {
            g = byId.get(g.parentId());
        }
        return g.id();
    }

    /** Writes an answer row: survey, group, the week's Monday, score; the items by question. */
    void record(long surveyId, long groupId, LocalDate day, int score, Map<Long, Object> items) {
        java.util.UUID id = jdbc.sql("""
                insert into pulse_answer(survey_id, group_id, answered_week, score) values (:s, :g, :w, :score)
                returning id""")
                .param("s", surveyId)
                .param("g", storedUnder(surveyId, groupId))
                .param("w", Date.valueOf(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))))
                .param("score", score)
                .query(java.util.UUID.class)
                .single();
        items.forEach((question, value) -> jdbc.sql("""
                        insert into pulse_answer_item(answer_id, question_id, scale_value, text_value)
                        values (:a, :q, :scale, :text)""")
                .param("a", id)
                .param("q", question)
                .param("scale", value instanceof Integer i ? i : null)
                .param("text", value instanceof String s ? s : null)
                .update());
    }

    private static Map<Long, Object> validate(NewAnswer answer, List<Question> questions) {
        SurveyRefused.Collector problems = new SurveyRefused.Collector();
        if (answer.score() == null || answer.score() < 0 || answer.score() > 10) {
            problems.add(
                    "score",
                    "pulse.refused.score",
                    "the score must be a whole number from 0 to 10, got " + answer.score());
        }
        Map<Long, Object> items = new LinkedHashMap<>();
        Map<Long, String> given = answer.items() == null ? Map.of() : answer.items();
        Set<Long> known = new HashSet<>();
        for (Question q : questions) {
            known.add(q.id());
            String value = given.get(q.id());
            if (value == null || value.isBlank()) {
                continue; // optional questions may stay unanswered
            }
            if (q.kind() == QuestionKind.SCALE) {
                try {
                    int v = Integer.parseInt(value.strip());
                    if (v < 1 || v > 5) {
                        throw new NumberFormatException();
                    }
                    items.put(q.id(), v);
                } catch (NumberFormatException e) {
                    problems.add(
                            "items." + q.id(),
                            "pulse.refused.scale",
                            "question " + q.position() + ": choose a value from 1 to 5",
                            q.position());
                }
            } else if (value.strip().length() > MAX_TEXT) {
                problems.add(
                        "items." + q.id(),
                        "pulse.refused.text",
                        "question " + q.position() + ": at most " + MAX_TEXT + " characters",
                        q.position(),
                        MAX_TEXT);
            } else {
                items.put(q.id(), value.strip());
            }
        }
        for (Long id : given.keySet()) {
            if (!known.contains(id)) {
                problems.add("items." + id, "pulse.refused.unknownQuestion", "this survey has no question " + id, id);
            }
        }
        problems.throwIfAny();
        return items;
    }

    private static SurveyRefused tokenUsed() {
        return SurveyRefused.of(
                "token",
                "pulse.refused.tokenUsed",
                "this answer link is unknown or was already used: each person answers once");
    }

    // ---------------------------------------------------------------- reading

    public Optional<Survey> survey(long id) {
        return jdbc.sql(SURVEY + " where s.id = :id")
                .param("id", id)
                .query(PulseSurveys::toSurvey)
                .optional();
    }

    public List<Question> questions(long surveyId) {
        return jdbc.sql("select id, position, kind, text from pulse_question where survey_id = :s order by position")
                .param("s", surveyId)
                .query((rs, n) -> new Question(
                        rs.getLong(1), rs.getInt(2), QuestionKind.valueOf(rs.getString(3)), rs.getString(4)))
                .list();
    }

    /** The surveys whose results this user may read (some group of it is within their visibility), newest first. */
    public List<Survey> surveys(AttainUser user) {
        List<Survey> all = jdbc.sql(SURVEY + " order by s.closes_on desc, s.id desc")
                .query(PulseSurveys::toSurvey)
                .list();
        if (user.seesEveryone()) {
            return all;
        }
        if (!user.has(Role.MANAGER) || user.personId() == null) {
            return List.of();
        }
        Set<Long> subtree = visibility.subtree(user.personId(), LocalDate.now(clock));
        return all.stream()
                .filter(s -> !visibleGroups(s.id(), subtree).isEmpty())
                .toList();
    }

    /** The results of one survey for this viewer: 404 when none of its groups is within their visibility. */
    public Results results(long surveyId, AttainUser viewer) {
        Survey survey = survey(surveyId).orElseThrow(() -> new NotFoundException("survey", surveyId));
        Set<Long> visible;
        if (viewer.seesEveryone()) {
            visible = null;
        } else if (viewer.has(Role.MANAGER) && viewer.personId() != null) {
            visible = visibleGroups(surveyId, visibility.subtree(viewer.personId(), LocalDate.now(clock)));
            if (visible.isEmpty()) {
                throw new NotFoundException("survey", surveyId);
            }
        } else {
            throw new NotFoundException("survey", surveyId);
        }
        return compute(survey, visible);
    }

    private record GroupRow(long id, Long parentId, String kind, Long refId, String name, int recipients) {}

    private List<GroupRow> groups(long surveyId) {
        return jdbc.sql(
                        "select id, parent_id, kind, ref_id, name, recipients from pulse_group where survey_id = :s order by id")
                .param("s", surveyId)
                .query(GroupRow.class)
                .list();
    }

    /** Groups all of whose recipients are in the subtree. */
    private Set<Long> visibleGroups(long surveyId, Set<Long> subtree) {
        List<GroupRow> groups = groups(surveyId);
        Map<Long, Set<Long>> members = new HashMap<>();
        jdbc.sql("select group_id, person_id from pulse_recipient where survey_id = :s")
                .param("s", surveyId)
                .query(rs -> {
                    members.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                });
        Map<Long, Set<Long>> below = new HashMap<>();
        for (GroupRow g : reversed(groups)) {
            below.computeIfAbsent(g.id(), k -> new HashSet<>()).addAll(members.getOrDefault(g.id(), Set.of()));
            if (g.parentId() != null) {
                below.computeIfAbsent(g.parentId(), k -> new HashSet<>()).addAll(below.get(g.id()));
            }
        }
        Set<Long> visible = new HashSet<>();
        for (GroupRow g : groups) {
            Set<Long> people = below.get(g.id());
            if (!people.isEmpty() && subtree.containsAll(people)) {
                visible.add(g.id());
            }
        }
        return visible;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private Results compute(Survey survey, Set<Long> visible) {
        List<GroupRow> groups = groups(survey.id());
        Thresholds thresholds = new Thresholds(survey.promoterMin(), survey.passiveMin());
        // Scores by group (an answer sits in its smallest group), added up to every group above it.
        Map<Long, int[]> scores = new HashMap<>();
        jdbc.sql("select group_id, score, count(*) from pulse_answer where survey_id = :s group by group_id, score")
                .param("s", survey.id())
                .query(rs -> {
                    scores.computeIfAbsent(rs.getLong(1), k -> new int[11])[rs.getInt(2)] += rs.getInt(3);
                });
        List<Question> questions = questions(survey.id());
        Map<Long, Map<Long, List<Object>>> items = new HashMap<>();
        jdbc.sql("""
                select a.group_id, i.question_id, i.scale_value, i.text_value from pulse_answer_item i
                join pulse_answer a on a.id = i.answer_id where a.survey_id = :s""").param("s", survey.id()).query(rs -> {
            Object value = rs.getObject(3) != null ? (Object) rs.getInt(3) : rs.getString(4);
            items.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                    .computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                    .add(value);
        });
        Map<Long, int[]> total = new HashMap<>();
        Map<Long, Map<Long, List<Object>>> totalItems = new HashMap<>();
        for (GroupRow g : reversed(groups)) {
            int[] mine = total.computeIfAbsent(g.id(), k -> new int[11]);
            add(mine, scores.getOrDefault(g.id(), new int[11]));
            Map<Long, List<Object>> myItems = totalItems.computeIfAbsent(g.id(), k -> new HashMap<>());
            items.getOrDefault(g.id(), Map.of())
                    .forEach((q, v) ->
                            myItems.computeIfAbsent(q, k -> new ArrayList<>()).addAll(v));
            if (g.parentId() != null) {
                add(total.computeIfAbsent(g.parentId(), k -> new int[11]), mine);
                Map<Long, List<Object>> parentItems = totalItems.computeIfAbsent(g.parentId(), k -> new HashMap<>());
                myItems.forEach((q, v) ->
                        parentItems.computeIfAbsent(q, k -> new ArrayList<>()).addAll(v));
            }
        }
        List<Group<Long>> input = groups.stream()
                .map(g -> new Group<>(g.id(), g.parentId(), sum(total.get(g.id()))))
                .toList();
        Map<Long, Decision<Long>> decisions = GroupSuppression.decide(input, survey.minGroupSize());
        // Each optional question on its own counts: a blank answer leaves it fewer answers than the score.
        Map<Long, Map<Long, Decision<Long>>> itemDecisions = new HashMap<>();
        for (Question q : questions) {
            List<Group<Long>> answered = groups.stream()
                    .map(g -> new Group<>(
                            g.id(),
                            g.parentId(),
                            totalItems
                                    .get(g.id())
                                    .getOrDefault(q.id(), List.of())
                                    .size()))
                    .toList();
            itemDecisions.put(q.id(), GroupSuppression.decide(answered, survey.minGroupSize()));
        }
        Map<Long, GroupRow> byId = new HashMap<>();
        groups.forEach(g -> byId.put(g.id(), g));
        Map<Long, Integer> depth = new HashMap<>();
        List<GroupResult> out = new ArrayList<>();
        for (GroupRow g : groups) {
            int d = g.parentId() == null ? 0 : depth.get(g.parentId()) + 1;
            depth.put(g.id(), d);
            if (visible != null && !visible.contains(g.id())) {
                continue;
            }
            Decision<Long> decision = decisions.get(g.id());
            int answers = sum(total.get(g.id()));
            Tally tally = decision.shown() ? tally(total.get(g.id()), thresholds) : null;
            Integer rate = decision.shown() && g.recipients() > 0 ? Enps.percent(answers, g.recipients()) : null;
            List<ItemResult> itemResults = decision.shown()
                    ? questions.stream()
                            .map(q -> itemResult(
                                    q,
                                    itemDecisions.get(q.id()).get(g.id()),
                                    totalItems.get(g.id()).getOrDefault(q.id(), List.of())))
                            .toList()
                    : List.of();
            String reveals = decision.reveals() == null
                    ? null
                    : byId.get(decision.reveals()).name();
            out.add(new GroupResult(
                    g.id(),
                    g.parentId(),
                    g.kind(),
                    g.name(),
                    d,
                    g.recipients(),
                    decision.shown(),
                    decision.reason(),
                    reveals,
                    decision.revealsRest(),
                    tally,
                    tally == null ? null : tally.enps(),
                    rate,
                    itemResults,
                    g.refId()));
        }
        return new Results(survey, questions, tree(out));
    }

    /** Depth-first, children after their parent, so a page can indent them. */
    private static List<GroupResult> tree(List<GroupResult> flat) {
        Map<Long, List<GroupResult>> children = new LinkedHashMap<>();
        Set<Long> ids = new HashSet<>();
        flat.forEach(g -> ids.add(g.id()));
        List<GroupResult> roots = new ArrayList<>();
        for (GroupResult g : flat) {
            if (g.parentId() == null || !ids.contains(g.parentId())) {
                roots.add(g);
            } else {
                children.computeIfAbsent(g.parentId(), k -> new ArrayList<>()).add(g);
            }
        }
        List<GroupResult> ordered = new ArrayList<>();
        roots.sort(Comparator.comparingInt(GroupResult::depth));
        for (GroupResult r : roots) {
            walk(r, children, ordered);
        }
        return ordered;
    }

    private static void walk(GroupResult g, Map<Long, List<GroupResult>> children, List<GroupResult> out) {
        out.add(g);
        children.getOrDefault(g.id(), List.of()).forEach(c -> walk(c, children, out));
    }

    private static ItemResult itemResult(Question q, Decision<Long> decision, List<Object> values) {
        if (!decision.shown()) {
            return new ItemResult(q, false, decision.reason(), null, null, List.of());
        }
        if (q.kind() == QuestionKind.SCALE) {
            int n = values.size();
            int sum = values.stream().mapToInt(v -> (Integer) v).sum();
            BigDecimal average =
                    n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
            return new ItemResult(q, true, null, average, n, List.of());
        }
        // Texts sorted, never in the order they arrived.
        List<String> texts = values.stream().map(String::valueOf).sorted().toList();
        return new ItemResult(q, true, null, null, texts.size(), texts);
    }

    private static void add(int[] into, int[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    private static int sum(int[] scores) {
        int n = 0;
        for (int s : scores) {
            n += s;
        }
        return n;
    }

    private static Tally tally(int[] scores, Thresholds thresholds) {
        int promoters = 0;
        int passives = 0;
        int detractors = 0;
        for (int score = 0; score <= 10; score++) {
            switch (thresholds.classify(score)) {
                case PROMOTER -> promoters += scores[score];
                case PASSIVE -> passives += scores[score];
                case DETRACTOR -> detractors += scores[score];
            }
        }
        return new Tally(promoters, passives, detractors);
    }

    /**
     * A group's eNPS over the surveys this viewer may read, oldest first: the group is named by kind and reference
     * (a team id, a region id, or everyone surveyed); a survey where it is hidden gives a point without a score.
     */
    public List<TrendPoint> trend(AttainUser viewer, String kind, Long refId) {
        List<TrendPoint> points = new ArrayList<>();
        List<Survey> surveys = new ArrayList<>(surveys(viewer));
        surveys.sort(Comparator.comparing(Survey::closesOn).thenComparing(Survey::id));
        for (Survey s : surveys) {
            Results r = results(s.id(), viewer);
            for (GroupResult g : r.groups()) {
                GroupRow row = groups(s.id()).stream()
                        .filter(x -> x.id() == g.id())
                        .findFirst()
                        .orElseThrow();
                if (g.kind().equals(kind) && java.util.Objects.equals(row.refId(), refId)) {
                    points.add(new TrendPoint(
                            s.id(),
                            s.title(),
                            s.closesOn(),
                            g.name(),
                            g.shown() ? g.tally().enps() : null));
                }
            }
        }
        return points;
    }

    /** The group keys (kind and reference) a viewer can follow in the trend, widest first. */
    public record GroupKey(String kind, Long refId, String name) {}

    public List<GroupKey> trendGroups(AttainUser viewer) {
        Map<String, GroupKey> keys = new LinkedHashMap<>();
        for (Survey s : surveys(viewer)) {
            Map<Long, GroupRow> rows = new HashMap<>();
            groups(s.id()).forEach(g -> rows.put(g.id(), g));
            for (GroupResult g : results(s.id(), viewer).groups()) {
                GroupRow row = rows.get(g.id());
                keys.putIfAbsent(row.kind() + ":" + row.refId(), new GroupKey(row.kind(), row.refId(), row.name()));
            }
        }
        List<GroupKey> list = new ArrayList<>(keys.values());
        list.sort(Comparator.comparingInt(
                        (GroupKey k) -> List.of("ALL", "REGION", "TEAM").indexOf(k.kind()))
                .thenComparing(GroupKey::name));
        return list;
    }

    private static final String SURVEY = """
            select s.id, s.title, s.question, s.promoter_min, s.passive_min, s.min_group_size, s.opens_on, s.closes_on,
                   s.created_by,
                   (select count(*) from pulse_recipient r where r.survey_id = s.id) as recipients,
                   (select count(*) from pulse_answer a where a.survey_id = s.id) as answers
            from pulse_survey s""";

    private static Survey toSurvey(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Survey(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getDate(7).toLocalDate(),
                rs.getDate(8).toLocalDate(),
                rs.getString(9),
                rs.getInt(10),
                rs.getInt(11));
    }
}
