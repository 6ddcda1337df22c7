package org.attain.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Gives every seat a book of accounts, mostly of the seat's segment. */
final class AccountBuilder {

    private AccountBuilder() {}

    static List<Account> build(DemoParameters parameters, List<Seat> seats) {
        SplittableRandom random = Seeds.random(parameters.seed(), Seeds.ACCOUNTS);
        // Big benchmark companies get smaller books so master data stays small in memory.
        int perSeat = parameters.people() <= 2_000 ? 14 : parameters.people() <= 20_000 ? 10 : 6;
        int width = Seeds.width((long) seats.size() * perSeat, 6);
        List<Account> accounts = new ArrayList<>(seats.size() * perSeat);
        for (Seat seat : seats) {
            seat.firstAccount = accounts.size();
            seat.accountCount = perSeat;
            RegionSpec region = seat.region;
            for (int i = 0; i < perSeat; i++) {
                SizeBand band = band(seat.segment, random);
                String name = Names.pick(Names.COMPANY_FIRST, random) + " " + Names.pick(Names.COMPANY_SECOND, random)
                        + " " + Names.pick(region.companySuffixes(), random);
                accounts.add(new Account(
                        Seeds.id('A', accounts.size() + 1L, width),
                        name,
                        Names.pick(Names.INDUSTRIES, random),
                        Names.pick(region.countries(), random),
                        band,
                        employees(band, random),
                        region.code(),
                        seat.latest().personId()));
            }
        }
        return accounts;
    }

    private static SizeBand band(SizeBand segment, SplittableRandom random) {
        int roll = random.nextInt(100);
        return switch (segment) {
            case ENTERPRISE -> roll < 70 ? SizeBand.ENTERPRISE : roll < 95 ? SizeBand.MID : SizeBand.SMB;
            case MID -> roll < 15 ? SizeBand.ENTERPRISE : roll < 85 ? SizeBand.MID : SizeBand.SMB;
            case SMB -> roll < 20 ? SizeBand.MID : SizeBand.SMB;
        };
    }

    private static int employees(SizeBand band, SplittableRandom random) {
        return switch (band) {
            case SMB -> 20 + random.nextInt(180);
            case MID -> 200 + random.nextInt(1800);
            case ENTERPRISE -> (int) Math.round(2000 * Math.exp(random.nextDouble() * Math.log(40)));
        };
    }
}
