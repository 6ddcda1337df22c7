package org.attain.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A booked transaction; maps to table {@code sales_transaction}. Returns and cancellations are
 * separate rows with a negative amount that point at the same opportunity as the original deal.
 *
 * @param status          "won" for deals, "returned" / "cancelled" for the reversals
 * @param opportunityId   null in benchmark mode, where no pipeline is generated
 * @param splits          empty unless the deal is shared; otherwise shares add to 1.00
 * @param overlayId       the overlay specialist credited on the deal, or null
 * @param sourcedById     the SDR who sourced a new-logo deal, or null
 * @param reversesId      for a return or cancellation: the transaction it reverses
 */
public record SalesTransaction(
        String externalId,
        TransactionKind kind,
        String status,
        String opportunityId,
        String accountId,
        String ownerId,
        LocalDate closeDate,
        BigDecimal amount,
        String currency,
        DealType dealType,
        String productCode,
        int termMonths,
        List<Split> splits,
        String overlayId,
        String sourcedById,
        String reversesId) {

    public SalesTransaction {
        splits = List.copyOf(splits);
    }

    /** The splits as JSON for the {@code splits jsonb} column, or null when the deal is not split. */
    public String splitsJson() {
        if (splits.isEmpty()) {
            return null;
        }
        return splits.stream()
                .map(s -> "{\"person_id\":\"" + s.personId() + "\",\"share\":"
                        + s.share().toPlainString() + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** Overlay, SDR and reversal references as JSON for the {@code attributes jsonb} column. */
    public String attributesJson() {
        StringBuilder json = new StringBuilder("{");
        appendField(json, "overlay_id", overlayId);
        appendField(json, "sourced_by_id", sourcedById);
        appendField(json, "reverses_id", reversesId);
        return json.append('}').toString();
    }

    private static void appendField(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        json.append('"').append(name).append("\":\"").append(value).append('"');
    }
}
