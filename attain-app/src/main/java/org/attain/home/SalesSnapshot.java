package org.attain.home;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attain.activity.ActivityReads;
import org.attain.org.PersonView;
import org.attain.sales.SalesFigures;
import org.springframework.stereotype.Service;

/**
 * Live sales figures per person over a date range for the home pages: won bookings (in the deal
 * currency, as booked), open pipeline and logged activity. Pay comes from calculation results, not here.
 * Sales and activity own these numbers; this puts their answers side by side, one statement each for a
 * whole team.
 */
@Service
public class SalesSnapshot {

    private final SalesFigures sales;
    private final ActivityReads activity;

    SalesSnapshot(SalesFigures sales, ActivityReads activity) {
        this.sales = sales;
        this.activity = activity;
    }

    public record Figures(
            long personId, BigDecimal bookings, String currency, long deals, BigDecimal pipeline, long activities) {
        public static Figures empty(long personId) {
            return new Figures(personId, BigDecimal.ZERO, "", 0, BigDecimal.ZERO, 0);
        }
    }

    record ActivityCount(String kind, long count) {}

    /** The people's figures; a person without deals in the range shows their pay currency. */
    public Map<Long, Figures> figures(Collection<PersonView> people, LocalDate from, LocalDate to) {
        List<Long> ids = people.stream().map(PersonView::id).toList();
        Map<Long, SalesFigures.OwnerFigures> bySales = sales.byOwner(ids, from, to);
        Map<Long, Long> activities = activity.counts(ids, from, to);
        Map<Long, Figures> out = new HashMap<>();
        for (PersonView p : people) {
            SalesFigures.OwnerFigures f = bySales.get(p.id());
            out.put(
                    p.id(),
                    new Figures(
                            p.id(),
                            f == null ? BigDecimal.ZERO : f.bookings(),
                            f == null || f.currency() == null ? p.currency() : f.currency(),
                            f == null ? 0 : f.deals(),
                            f == null ? BigDecimal.ZERO : f.pipeline(),
                            activities.getOrDefault(p.id(), 0L)));
        }
        return out;
    }

    /** What a person's own home page shows of their sales: the quarter's figures, recent won deals, activity mix. */
    public record Mine(Figures figures, List<SalesFigures.Deal> recentDeals, List<ActivityCount> activityMix) {}

    /** The quarter's figures and recent deals (one statement of sales) and the activity (one of activity). */
    public Mine mine(
            PersonView me, LocalDate from, LocalDate to, LocalDate activityFrom, LocalDate activityTo, int deals) {
        SalesFigures.OwnerDetail mine = sales.ofOwner(me.id(), from, to, deals);
        ActivityReads.Mine acts = activity.mine(me.id(), from, to, activityFrom, activityTo);
        SalesFigures.OwnerFigures f = mine.figures();
        Figures figures = new Figures(
                me.id(),
                f.bookings(),
                f.currency() == null ? me.currency() : f.currency(),
                f.deals(),
                f.pipeline(),
                acts.activities());
        return new Mine(
                figures,
                mine.recentDeals(),
                acts.mix().stream()
                        .map(k -> new ActivityCount(k.kind(), k.count()))
                        .toList());
    }

    public List<SalesFigures.RegionBookings> bookingsByRegion(LocalDate from, LocalDate to) {
        return sales.bookingsByOwnerRegion(from, to);
    }
}
