package org.attain.pulse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who has answered, without a link from an answer to its person. Answering inserts the person's seal (see
 * {@link PulseKey}) in the answer's transaction and writes nothing that names the person: a second answer hits the
 * seal's primary key and is refused. Everything that asks "has this person answered?" computes the seal with the key
 * and looks it up.
 *
 * <p>Until shuffled, a fresh answer, its items and its seal share a transaction id and sit in the tables in the order
 * they came: whoever holds both the database and the key could compute a person's seal and find their answer's
 * transaction, and anyone reading the tables could place the answer among the database's other transactions (next to
 * a login's audit row, say). Shuffling closes both: each survey's answers, items and seals are rewritten in one
 * transaction in random order (one transaction id for all, physical order random), then vacuumed (the old row
 * versions gone from the pages where no open transaction still sees them), every ten minutes
 * ({@code attain.pulse.shuffle.cron}) for the surveys that received answers since, and once started. Before anything
 * else at start-up, the markers of the earlier design (pulse_recipient.used, set in the answer's own transaction) are
 * turned into seals and cleared; run again, it finds nothing to do. What is out of reach of tables: PostgreSQL's
 * write-ahead log and backups taken before a shuffle keep the transactions as they happened, with commit times.
 */
@Component
class PulseSeals {

    private static final Logger LOG = LoggerFactory.getLogger(PulseSeals.class);

    private final JdbcClient jdbc;
    private final PulseKey key;
    private final TransactionTemplate tx;

    PulseSeals(JdbcClient jdbc, PulseKey key, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.key = key;
        this.tx = tx;
    }

    /** Seals a person's answer in the caller's transaction; false when they had already answered. */
    boolean seal(long surveyId, long personId) {
        return jdbc.sql("insert into pulse_answer_seal(survey_id, seal) values (:s, :seal) on conflict do nothing")
                        .param("s", surveyId)
                        .param("seal", key.seal(surveyId, personId))
                        .update()
                == 1;
    }

    boolean answered(long surveyId, long personId) {
        return jdbc.sql("select exists (select 1 from pulse_answer_seal where survey_id = :s and seal = :seal)")
                .param("s", surveyId)
                .param("seal", key.seal(surveyId, personId))
                .query(Boolean.class)
                .single();
    }

    /** Before anything else runs: the earlier design's markers into seals. */
    @EventListener(ApplicationStartedEvent.class)
    void onStart() {
        if (!sameKeyAsTheSeals()) {
            LOG.error(
                    "pulse: this node's pulse key is not the one the survey answers were sealed with: who has answered"
                            + " is not recognised and a second answer is not refused. Set attain.pulse-key to the same value on"
                            + " every node (or copy pulse.key from the first node's data folder) and restart");
            return;
        }
        int converted = convertLegacyMarkers();
        if (converted > 0) {
            LOG.info("pulse: {} answered markers turned into seals and cleared, the answers shuffled", converted);
        }
    }

    /**
     * Once started (after the demo company's surveys are loaded, in the loader's own transaction): every survey with
     * answers not yet shuffled is shuffled, in a transaction of its own, so the answers' transaction id is not the one
     * their recipients' rows were written in.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        shuffleDue();
    }

    @Scheduled(cron = "${attain.pulse.shuffle.cron:0 */10 * * * *}")
    @SchedulerLock(name = "pulse.shuffle", lockAtMostFor = "PT9M", lockAtLeastFor = "PT30S")
    void onSchedule() {
        shuffleDue();
    }

    /** Records the key's fingerprint on first use; false when the database's seals were made with another key. */
    boolean sameKeyAsTheSeals() {
        byte[] mine = key.fingerprint();
        jdbc.sql("insert into pulse_key_check(id, fingerprint) values (1, :f) on conflict (id) do nothing")
                .param("f", mine)
                .update();
        byte[] recorded = jdbc.sql("select fingerprint from pulse_key_check where id = 1")
                .query(byte[].class)
                .single();
        return java.util.Arrays.equals(mine, recorded);
    }

    /** Turns pulse_recipient.used into seals and clears it; returns how many markers there were (0 the second time). */
    int convertLegacyMarkers() {
        List<Long> surveys = new ArrayList<>();
        Integer converted = tx.execute(status -> {
            jdbc.sql("lock table pulse_recipient in share row exclusive mode").update();
            List<long[]> used = jdbc.sql("select survey_id, person_id from pulse_recipient where used")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .list();
            if (used.isEmpty()) {
                return 0;
            }
            for (long[] u : used) {
                seal(u[0], u[1]);
                if (!surveys.contains(u[0])) {
                    surveys.add(u[0]);
                }
            }
            // The recipients rewritten in person order: the markers gone, and nothing left in the rows' own
            // transaction ids or places that follows the order in which people answered.
            jdbc.sql("""
                    create temp table pulse_legacy_recipient on commit drop as
                    select survey_id, person_id, group_id, token, invited from pulse_recipient where survey_id in (:s)""").param("s", surveys).update();
            jdbc.sql("delete from pulse_recipient where survey_id in (:s)")
                    .param("s", surveys)
                    .update();
            jdbc.sql("""
                    insert into pulse_recipient(survey_id, person_id, group_id, token, used, invited)
                    select survey_id, person_id, group_id, token, false, invited from pulse_legacy_recipient
                    order by survey_id, person_id""").update();
            return used.size();
        });
        if (converted > 0) {
            // In a transaction of its own: the rewritten recipients' transaction id is then none of the answers'.
            shuffle(surveys);
            vacuum();
        }
        return converted;
    }

    /** Shuffles the surveys that received answers since their last shuffle; returns how many. */
    int shuffleDue() {
        if (due().isEmpty()) {
            return 0; // the usual case: no lock taken, answers are never held up
        }
        Integer shuffled = tx.execute(status -> {
            jdbc.sql("lock table pulse_answer_seal, pulse_answer, pulse_answer_item in exclusive mode")
                    .update();
            List<Long> due = due();
            if (!due.isEmpty()) {
                shuffle(due);
            }
            return due.size();
        });
        if (shuffled > 0) {
            vacuum();
        }
        return shuffled;
    }

    private List<Long> due() {
        return jdbc.sql("""
                select a.survey_id from pulse_answer a left join pulse_answer_shuffle h on h.survey_id = a.survey_id
                group by a.survey_id, h.answers having count(*) <> coalesce(h.answers, -1)
                order by a.survey_id""").query(Long.class).list();
    }

    /**
     * Rewrites the surveys' answers, items and seals in the current transaction in random order: afterwards they all
     * carry this transaction's id, and their places in the tables follow no arrival order.
     */
    void shuffle(Collection<Long> surveys) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("lock table pulse_answer_seal, pulse_answer, pulse_answer_item in exclusive mode")
                    .update();
            // Answers stored under a group with fewer recipients than the survey's minimum (before that rule) move up.
            int moved;
            do {
                moved = jdbc.sql("""
                        update pulse_answer a set group_id = g.parent_id from pulse_group g, pulse_survey s
                        where g.id = a.group_id and s.id = a.survey_id and g.parent_id is not null
                          and g.recipients < s.min_group_size and a.survey_id in (:s)""").param("s", surveys).update();
            } while (moved > 0);
            jdbc.sql("""
                    create temp table pulse_shuffle_answer on commit drop as
                    select id, survey_id, group_id, answered_week, score from pulse_answer where survey_id in (:s)""").param("s", surveys).update();
            jdbc.sql("""
                    create temp table pulse_shuffle_item on commit drop as
                    select i.answer_id, i.question_id, i.scale_value, i.text_value from pulse_answer_item i
                    join pulse_answer a on a.id = i.answer_id where a.survey_id in (:s)""").param("s", surveys).update();
            jdbc.sql("""
                    create temp table pulse_shuffle_seal on commit drop as
                    select survey_id, seal from pulse_answer_seal where survey_id in (:s)""").param("s", surveys).update();
            jdbc.sql("delete from pulse_answer where survey_id in (:s)")
                    .param("s", surveys)
                    .update(); // the items go with them (on delete cascade)
            jdbc.sql("delete from pulse_answer_seal where survey_id in (:s)")
                    .param("s", surveys)
                    .update();
            jdbc.sql("""
                    insert into pulse_answer(id, survey_id, group_id, answered_week, score)
                    select id, survey_id, group_id, answered_week, score from pulse_shuffle_answer order by random()""").update();
            jdbc.sql("""
                    insert into pulse_answer_item(answer_id, question_id, scale_value, text_value)
                    select answer_id, question_id, scale_value, text_value from pulse_shuffle_item order by random()""").update();
            jdbc.sql("insert into pulse_answer_seal(survey_id, seal) select survey_id, seal from pulse_shuffle_seal"
                            + " order by random()")
                    .update();
            jdbc.sql("""
                    insert into pulse_answer_shuffle(survey_id, answers)
                    select s.id, (select count(*) from pulse_answer a where a.survey_id = s.id) from pulse_survey s
                    where s.id in (:s)
                    on conflict (survey_id) do update set answers = excluded.answers""").param("s", surveys).update();
            jdbc.sql("drop table pulse_shuffle_answer, pulse_shuffle_item, pulse_shuffle_seal")
                    .update();
        });
    }

    /** Removes the rows' old versions (with their old transaction ids) from the tables' pages where nothing holds them. */
    private void vacuum() {
        try {
            jdbc.sql("vacuum pulse_answer, pulse_answer_item, pulse_answer_seal, pulse_recipient")
                    .update();
        } catch (DataAccessException e) {
            LOG.warn("pulse: the answer tables were not vacuumed after shuffling: {}", e.getMessage());
        }
    }
}
