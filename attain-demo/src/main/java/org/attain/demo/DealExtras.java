package org.attain.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Books a won opportunity: the deal transaction with its splits, overlay and SDR credit, and now
 * and then a later cancellation or partial return, so crediting and clawbacks have cases to show.
 */
final class DealExtras {

    private static final String[][] SPLIT_SHARES = {{"0.50", "0.50"}, {"0.60", "0.40"}, {"0.70", "0.30"}};

    private final DemoParameters parameters;
    private final Map<String, List<Seat>> seatsByTeam;
    private final Map<String, List<Helper>> sdrsByRegion;

    DealExtras(DemoParameters parameters, Map<String, List<Seat>> seatsByTeam, Map<String, List<Helper>> sdrsByRegion) {
        this.parameters = parameters;
        this.seatsByTeam = seatsByTeam;
        this.sdrsByRegion = sdrsByRegion;
    }

    void book(
            Opportunity won,
            Seat seat,
            Account account,
            Helper overlay,
            long opportunityNumber,
            long[] transactionCount,
            DemoSink sink) {
        SplittableRandom random = Seeds.random(parameters.seed(), Seeds.DEAL_EXTRAS, opportunityNumber, 0);
        List<Split> splits = random.nextInt(100) < 6 ? splits(won, seat, random) : List.of();
        String sourcedBy = null;
        List<Helper> sdrs = sdrsByRegion.get(seat.region.code());
        if (won.dealType() == DealType.NEW_LOGO && sdrs != null && random.nextInt(100) < 45) {
            sourcedBy = sdrs.get(random.nextInt(sdrs.size())).personId();
        }
        String overlayId = overlay == null ? null : overlay.personId();
        String dealId = Seeds.id('T', ++transactionCount[0], 7);
        sink.transaction(new SalesTransaction(
                dealId,
                TransactionKind.DEAL,
                "won",
                won.externalId(),
                account.externalId(),
                won.ownerId(),
                won.closeDate(),
                won.amount(),
                won.currency(),
                won.dealType(),
                won.productCode(),
                won.termMonths(),
                splits,
                overlayId,
                sourcedBy,
                null));

        int roll = random.nextInt(1000);
        if (roll < 12) {
            LocalDate on = won.closeDate().plusDays(15 + random.nextInt(106));
            reverse(
                    won,
                    account,
                    dealId,
                    TransactionKind.CANCELLATION,
                    "cancelled",
                    won.amount(),
                    on,
                    splits,
                    overlayId,
                    sourcedBy,
                    transactionCount,
                    sink);
        } else if (roll < 22) {
            LocalDate on = won.closeDate().plusDays(30 + random.nextInt(151));
            BigDecimal part = won.amount()
                    .multiply(BigDecimal.valueOf(2 + random.nextInt(4), 1))
                    .setScale(2);
            reverse(
                    won,
                    account,
                    dealId,
                    TransactionKind.RETURN,
                    "returned",
                    part,
                    on,
                    splits,
                    overlayId,
                    sourcedBy,
                    transactionCount,
                    sink);
        }
    }

    private void reverse(
            Opportunity won,
            Account account,
            String dealId,
            TransactionKind kind,
            String status,
            BigDecimal amount,
            LocalDate on,
            List<Split> splits,
            String overlayId,
            String sourcedBy,
            long[] transactionCount,
            DemoSink sink) {
        if (on.isAfter(parameters.asOf())) {
            return;
        }
        sink.transaction(new SalesTransaction(
                Seeds.id('T', ++transactionCount[0], 7),
                kind,
                status,
                won.externalId(),
                account.externalId(),
                won.ownerId(),
                on,
                amount.negate(),
                won.currency(),
                won.dealType(),
                won.productCode(),
                won.termMonths(),
                splits,
                overlayId,
                sourcedBy,
                dealId));
    }

    /** A teammate employed on the close date shares the deal; the owner keeps the larger share. */
    private List<Split> splits(Opportunity won, Seat seat, SplittableRandom random) {
        List<Seat> team = seatsByTeam.get(seat.teamCode);
        Seat partnerSeat = team.get(random.nextInt(team.size()));
        Seat.Occupancy partner = partnerSeat.occupantOn(won.closeDate());
        String[] shares = SPLIT_SHARES[random.nextInt(SPLIT_SHARES.length)];
        if (partner == null || partner.personId().equals(won.ownerId())) {
            return List.of();
        }
        return List.of(
                new Split(won.ownerId(), new BigDecimal(shares[0])),
                new Split(partner.personId(), new BigDecimal(shares[1])));
    }
}
