package org.attain.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulates the sales history month by month and seat by seat: opportunities closing in each month
 * (more at quarter end and in Q4), won or lost by the rep's skill, won ones booked as transactions,
 * and the activity that went into them. Each seat-month and each opportunity has its own random
 * stream, so asking for opportunities only gives exactly the opportunities of a full run.
 */
final class HistoryWalk {

    /*
     * How much a rep's effort and skill move their results. Together with many mid-sized deals per quarter
     * (rather than a few huge ones) these give a spread like a real sales team: closed quarters' attainment
     * median about 98 %, about a tenth above 150 %, almost none above 300 % (see package-info for the figures).
     */
    static final double EFFORT_WEIGHT = 0.4;
    static final double WIN_WEIGHT = 0.3;
    /** Qualified opportunities are won about this much more often than the base rates below. */
    static final double WIN_RATE_SCALE = 1.8;

    private final DemoParameters parameters;
    private final Organisation org;
    private final List<Account> accounts;
    private final Map<String, List<Seat>> seatsByTeam = new HashMap<>();
    private final Map<String, List<Seat>> seatsByRegion = new HashMap<>();
    private final Map<String, List<Helper>> overlaysByRegion = new HashMap<>();
    private final Map<String, List<Helper>> sdrsByRegion = new HashMap<>();
    private final Map<String, ZoneId> zones = new HashMap<>();
    private final DealExtras extras;

    HistoryWalk(DemoParameters parameters, Organisation org, List<Account> accounts) {
        this.parameters = parameters;
        this.org = org;
        this.accounts = accounts;
        for (Seat seat : org.seats()) {
            seatsByTeam.computeIfAbsent(seat.teamCode, k -> new ArrayList<>()).add(seat);
            seatsByRegion
                    .computeIfAbsent(seat.region.code(), k -> new ArrayList<>())
                    .add(seat);
        }
        org.overlays()
                .forEach(h -> overlaysByRegion
                        .computeIfAbsent(h.region().code(), k -> new ArrayList<>())
                        .add(h));
        org.sdrs()
                .forEach(h -> sdrsByRegion
                        .computeIfAbsent(h.region().code(), k -> new ArrayList<>())
                        .add(h));
        org.regions().forEach(r -> zones.put(r.code(), ZoneId.of(r.timeZone())));
        this.extras = new DealExtras(parameters, seatsByTeam, sdrsByRegion);
    }

    /** Runs the whole history into the sink; activities are only generated when asked for. */
    void run(DemoSink sink, boolean withActivities) {
        LocalDate asOf = parameters.asOf();
        YearMonth first = YearMonth.from(parameters.historyStart());
        // Open pipeline reaches two quarters past the as-of date.
        YearMonth last = YearMonth.from(asOf).plusMonths(6);
        ActivityMaker activities = new ActivityMaker(withActivities ? sink : new DemoSink() {});
        long[] opportunityCount = {0};
        long[] transactionCount = {0};
        int monthIndex = 0;
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1), monthIndex++) {
            for (Seat seat : org.seats()) {
                seatMonth(
                        seat,
                        month,
                        monthIndex,
                        sink,
                        withActivities ? activities : null,
                        opportunityCount,
                        transactionCount);
            }
            if (withActivities && !month.atDay(1).isAfter(asOf)) {
                for (int i = 0; i < org.sdrs().size(); i++) {
                    prospecting(org.sdrs().get(i), i, month, monthIndex, activities);
                }
            }
        }
    }

    private void seatMonth(
            Seat seat,
            YearMonth month,
            int monthIndex,
            DemoSink sink,
            ActivityMaker activities,
            long[] opportunityCount,
            long[] transactionCount) {
        LocalDate asOf = parameters.asOf();
        LocalDate middle = month.atDay(15);
        Seat.Occupancy holder = middle.isAfter(asOf) ? seat.latest() : seat.occupantOn(middle);
        if (holder == null) {
            return;
        }
        SplittableRandom random = Seeds.random(parameters.seed(), Seeds.PIPELINE, seat.index, monthIndex);
        // New hires ramp up over their first quarter.
        double ramp = Math.min(1.0, Math.max(0.15, ChronoUnit.DAYS.between(holder.from(), middle) / 90.0));
        int deals = Seeds.poisson(
                random, baseRate(seat.segment) * seasonality(month) * Math.pow(holder.effort(), EFFORT_WEIGHT) * ramp);
        for (int d = 0; d < deals; d++) {
            LocalDate close = closeDay(month, random);
            Account account = accounts.get(seat.firstAccount + random.nextInt(seat.accountCount));
            DealType type = dealType(random);
            int term = term(type, account.sizeBand(), random);
            // The seat's segment sets what a deal is worth: a commercial rep's one mid-sized account does not
            // bring an enterprise deal that would make their quarter 1,000 %.
            double usd = DealSizes.usdValue(seat.segment, random) * DealSizes.typeFactor(type);
            int cycleDays = cycleDays(account.sizeBand(), random);
            double winRoll = random.nextDouble();
            double stageRoll = random.nextDouble();
            Seat.Occupancy owner = close.isAfter(asOf) ? seat.latest() : seat.occupantOn(close);
            LocalDate created = close.minusDays(cycleDays);
            if (owner == null || close.isBefore(parameters.historyStart()) || created.isAfter(asOf)) {
                continue;
            }
            Stage stage = close.isAfter(asOf)
                    ? openStage(ChronoUnit.DAYS.between(asOf, close), stageRoll)
                    : winRoll < winRate(owner.skill(), account.sizeBand(), type) ? Stage.CLOSED_WON : Stage.CLOSED_LOST;
            Product product = Catalogue.productFor(type, account.sizeBand(), random);
            BigDecimal amount = DealSizes.inCurrency(usd, seat.region);
            long number = ++opportunityCount[0];
            Opportunity opportunity = new Opportunity(
                    Seeds.id('O', number, 7),
                    account.name() + " - " + product.name(),
                    account.externalId(),
                    owner.personId(),
                    stage,
                    type,
                    product.code(),
                    amount,
                    seat.region.region().currency(),
                    created,
                    close,
                    stage.probability(),
                    term);
            sink.opportunity(opportunity);
            Helper overlay = overlayFor(seat, account);
            if (stage == Stage.CLOSED_WON) {
                extras.book(opportunity, seat, account, overlay, number, transactionCount, sink);
            }
            if (activities != null) {
                LocalDate from = created.isBefore(parameters.historyStart()) ? parameters.historyStart() : created;
                LocalDate to = close.isAfter(asOf) ? asOf : close;
                // Only the part of the deal's life inside the history (and before today) is logged.
                double visible =
                        (ChronoUnit.DAYS.between(from, to) + 1.0) / (ChronoUnit.DAYS.between(created, close) + 1.0);
                activities.dealActivities(
                        opportunity,
                        owner,
                        account.sizeBand(),
                        overlay,
                        from,
                        to,
                        visible,
                        zones.get(seat.region.code()),
                        Seeds.random(parameters.seed(), Seeds.ACTIVITIES, number, 0));
            }
        }
    }

    private void prospecting(Helper sdr, int sdrIndex, YearMonth month, int monthIndex, ActivityMaker activities) {
        List<Seat> regionSeats = seatsByRegion.get(sdr.region().code());
        if (regionSeats == null) {
            return;
        }
        SplittableRandom random = Seeds.random(parameters.seed(), Seeds.PROSPECTING, sdrIndex, monthIndex);
        LocalDate from =
                month.atDay(1).isBefore(parameters.historyStart()) ? parameters.historyStart() : month.atDay(1);
        LocalDate to = month.atEndOfMonth().isAfter(parameters.asOf()) ? parameters.asOf() : month.atEndOfMonth();
        int touches = Seeds.poisson(random, 22 * sdr.effort());
        for (int i = 0; i < touches; i++) {
            Seat seat = regionSeats.get(random.nextInt(regionSeats.size()));
            String accountId = accounts.get(seat.firstAccount + random.nextInt(seat.accountCount))
                    .externalId();
            activities.prospecting(
                    sdr, accountId, from, to, zones.get(sdr.region().code()), random);
        }
    }

    /** Solution engineers work mid-market and enterprise deals; each account has its regular one. */
    private Helper overlayFor(Seat seat, Account account) {
        List<Helper> overlays = overlaysByRegion.get(seat.region.code());
        if (overlays == null || account.sizeBand() == SizeBand.SMB) {
            return null;
        }
        return overlays.get(Math.floorMod(account.externalId().hashCode(), overlays.size()));
    }

    /** Deals closing per seat-month before seasonality; bigger customers mean fewer, larger deals. */
    private static double baseRate(SizeBand segment) {
        return switch (segment) {
            case SMB -> 4.5;
            case MID -> 5.0;
            case ENTERPRISE -> 4.0;
        };
    }

    /** Quarter-end months peak, the first month of a quarter is quiet, Q4 is the biggest quarter. */
    static double seasonality(YearMonth month) {
        int inQuarter = (month.getMonthValue() - 1) % 3;
        double factor = inQuarter == 2 ? 1.45 : inQuarter == 1 ? 1.0 : 0.75;
        return month.getMonthValue() >= 10 ? factor * 1.25 : factor;
    }

    /** At quarter end more than half the deals close in the last eight days; weekends move to Friday. */
    private static LocalDate closeDay(YearMonth month, SplittableRandom random) {
        int length = month.lengthOfMonth();
        boolean quarterEnd = month.getMonthValue() % 3 == 0;
        int day = quarterEnd && random.nextInt(100) < 55 ? length - random.nextInt(8) : 1 + random.nextInt(length);
        LocalDate close = month.atDay(day);
        if (close.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return close.minusDays(1);
        }
        return close.getDayOfWeek() == DayOfWeek.SUNDAY ? close.minusDays(2) : close;
    }

    private static DealType dealType(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 50 ? DealType.NEW_LOGO : roll < 80 ? DealType.EXPANSION : DealType.RENEWAL;
    }

    private static int term(DealType type, SizeBand band, SplittableRandom random) {
        int roll = random.nextInt(100);
        if (type == DealType.RENEWAL || band == SizeBand.SMB) {
            return roll < 80 ? 12 : 24;
        }
        return roll < 45 ? 12 : roll < 70 ? 24 : 36;
    }

    private static int cycleDays(SizeBand band, SplittableRandom random) {
        return switch (band) {
            case SMB -> 20 + random.nextInt(41);
            case MID -> 45 + random.nextInt(76);
            case ENTERPRISE -> 90 + random.nextInt(151);
        };
    }

    static double winRate(double skill, SizeBand band, DealType type) {
        double base = switch (band) {
            case SMB -> 0.32;
            case MID -> 0.27;
            case ENTERPRISE -> 0.22;
        };
        double typeFactor = switch (type) {
            case NEW_LOGO -> 0.8;
            case EXPANSION -> 1.2;
            case RENEWAL -> 2.2;
        };
        return Math.max(0.04, Math.min(0.9, WIN_RATE_SCALE * base * typeFactor * Math.pow(skill, WIN_WEIGHT)));
    }

    /** Further-out deals are earlier in the funnel; a quarter of them lag one stage behind. */
    private static Stage openStage(long daysToClose, double roll) {
        Stage stage = daysToClose > 100
                ? Stage.PROSPECTING
                : daysToClose > 60 ? Stage.QUALIFICATION : daysToClose > 25 ? Stage.PROPOSAL : Stage.NEGOTIATION;
        if (roll < 0.25 && stage != Stage.PROSPECTING) {
            return Stage.values()[stage.ordinal() - 1];
        }
        return stage;
    }
}
