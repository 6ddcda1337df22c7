package org.attain.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An account-executive position: a book of accounts in a segment, held by one rep after another
 * (a leaver's accounts go to the replacement). Deals are generated per seat so a vacancy simply
 * produces no deals.
 */
final class Seat {

    /** One rep holding the seat over [from, until); skill and effort shape their results. */
    record Occupancy(String personId, LocalDate from, LocalDate until, double skill, double effort) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }
    }

    final int index;
    final RegionSpec region;
    final SizeBand segment;
    String teamCode;
    final List<Occupancy> occupants = new ArrayList<>(2);
    int firstAccount;
    int accountCount;

    Seat(int index, RegionSpec region, String teamCode, SizeBand segment) {
        this.index = index;
        this.region = region;
        this.teamCode = teamCode;
        this.segment = segment;
    }

    /** The rep in the seat on that day, or null while it is vacant. */
    Occupancy occupantOn(LocalDate day) {
        for (Occupancy occupancy : occupants) {
            if (occupancy.covers(day)) {
                return occupancy;
            }
        }
        return null;
    }

    Occupancy latest() {
        return occupants.get(occupants.size() - 1);
    }
}
