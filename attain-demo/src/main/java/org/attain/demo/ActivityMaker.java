package org.attain.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/** Turns "this person worked this deal between these days" into calls, e-mails, meetings and webinars. */
final class ActivityMaker {

    private final DemoSink sink;
    private long count;

    ActivityMaker(DemoSink sink) {
        this.sink = sink;
    }

    long count() {
        return count;
    }

    /** Rep activity on a deal; more effort and winning deals mean more touches. */
    void dealActivities(
            Opportunity opportunity,
            Seat.Occupancy owner,
            SizeBand band,
            Helper overlay,
            LocalDate from,
            LocalDate to,
            double visibleShare,
            ZoneId zone,
            SplittableRandom random) {
        if (from.isAfter(to)) {
            return;
        }
        double bandFactor = band == SizeBand.ENTERPRISE ? 1.5 : band == SizeBand.MID ? 1.0 : 0.8;
        double outcomeFactor = opportunity.stage() == Stage.CLOSED_WON ? 1.4 : 1.0;
        int touches = Seeds.poisson(
                random, (0.8 + 1.6 * owner.effort()) * bandFactor * outcomeFactor * Math.min(1.0, visibleShare));
        for (int i = 0; i < touches; i++) {
            ActivityKind kind = dealKind(random);
            emit(owner.personId(), kind, from, to, zone, opportunity, random);
        }
        if (overlay != null && random.nextInt(10) < 6 * visibleShare) {
            emit(overlay.personId(), ActivityKind.MEETING, from, to, zone, opportunity, random);
        }
    }

    /** An SDR's prospecting on an account before any opportunity exists. */
    void prospecting(Helper sdr, String accountId, LocalDate from, LocalDate to, ZoneId zone, SplittableRandom random) {
        int roll = random.nextInt(100);
        ActivityKind kind = roll < 55 ? ActivityKind.CALL : roll < 95 ? ActivityKind.EMAIL : ActivityKind.WEBINAR;
        emitFor(sdr.personId(), kind, day(from, to, random), zone, accountId, null, random);
    }

    private void emit(
            String personId,
            ActivityKind kind,
            LocalDate from,
            LocalDate to,
            ZoneId zone,
            Opportunity opportunity,
            SplittableRandom random) {
        emitFor(personId, kind, day(from, to, random), zone, opportunity.accountId(), opportunity.externalId(), random);
    }

    private void emitFor(
            String personId,
            ActivityKind kind,
            LocalDate day,
            ZoneId zone,
            String accountId,
            String opportunityId,
            SplittableRandom random) {
        LocalTime time = LocalTime.of(8 + random.nextInt(10), 15 * random.nextInt(4));
        Instant at = day.atTime(time).atZone(zone).toInstant();
        count++;
        sink.activity(new Activity(
                Seeds.id('X', count, 8),
                personId,
                kind,
                at,
                duration(kind, random),
                outcome(kind, random),
                accountId,
                opportunityId));
    }

    /** A working day in [from, to]: weekends move to the nearest weekday inside the range. */
    private static LocalDate day(LocalDate from, LocalDate to, SplittableRandom random) {
        long span = ChronoUnit.DAYS.between(from, to);
        LocalDate day = span <= 0 ? from : from.plusDays(random.nextLong(span + 1));
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY) {
            LocalDate friday = day.minusDays(1);
            LocalDate monday = day.plusDays(2);
            return !friday.isBefore(from) ? friday : monday.isAfter(to) ? day : monday;
        }
        if (weekday == DayOfWeek.SUNDAY) {
            LocalDate monday = day.plusDays(1);
            LocalDate friday = day.minusDays(2);
            return !monday.isAfter(to) ? monday : friday.isBefore(from) ? day : friday;
        }
        return day;
    }

    private static ActivityKind dealKind(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 40
                ? ActivityKind.CALL
                : roll < 75 ? ActivityKind.EMAIL : roll < 97 ? ActivityKind.MEETING : ActivityKind.WEBINAR;
    }

    private static int duration(ActivityKind kind, SplittableRandom random) {
        return switch (kind) {
            case CALL -> 3 + random.nextInt(28);
            case EMAIL -> 0;
            case MEETING -> 30 + 15 * random.nextInt(3);
            case WEBINAR -> 45 + 15 * random.nextInt(2);
        };
    }

    private static String outcome(ActivityKind kind, SplittableRandom random) {
        int roll = random.nextInt(100);
        return switch (kind) {
            case CALL -> roll < 45 ? "connected" : roll < 80 ? "voicemail" : "no_answer";
            case EMAIL -> roll < 70 ? "sent" : "replied";
            case MEETING -> roll < 80 ? "held" : roll < 92 ? "rescheduled" : "no_show";
            case WEBINAR -> roll < 60 ? "attended" : "registered";
        };
    }
}
