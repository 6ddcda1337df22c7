package org.attain.ingest.transactions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.attain.ingest.Bounds;
import org.attain.ingest.lookup.Directory;
import org.attain.ingest.profiles.NumberStyle;
import org.attain.ingest.profiles.Values;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a split cell, either "P00038:60%; P00041:40%" (person:share, ";" or "|" between) as CRMs
 * export it, or the JSON array [{"person_id":"P00038","share":0.6}, ...] of our own CSV files.
 * Shares must add up to exactly 1.00: a split that pays out 110 % is a data error, not a bonus.
 */
final class Splits {

    record Result(String json, String problem, String suggestion) {}

    private record Share(String person, String share) {}

    // shares exactly as written: 0.1 must not pass through a double
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Directory directory;
    private final NumberStyle numbers;

    Splits(Directory directory, NumberStyle numbers) {
        this.directory = directory;
        this.numbers = numbers;
    }

    Result parse(String text) {
        List<Share> shares = text.startsWith("[") ? fromJson(text) : fromText(text);
        if (shares == null || shares.isEmpty()) {
            return new Result(null, "splits '" + text + "' are not in the form person:share; person:share", null);
        }
        StringBuilder json = new StringBuilder("[");
        BigDecimal total = BigDecimal.ZERO;
        for (Share s : shares) {
            Directory.Resolution who = directory.person(s.person(), "split partner");
            if (!who.found()) {
                return new Result(null, who.reason(), who.suggestion());
            }
            BigDecimal share = share(s.share());
            if (share == null || share.signum() <= 0) {
                return new Result(
                        null, "split share '" + s.share() + "' of " + s.person() + " is not a positive number", null);
            }
            total = total.add(share);
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"person_id\":")
                    .append(who.id())
                    .append(",\"share\":")
                    .append(share.toPlainString())
                    .append('}');
        }
        if (total.compareTo(BigDecimal.ONE) != 0) {
            return new Result(
                    null,
                    "split shares add up to "
                            + total.setScale(Math.max(2, total.scale()), RoundingMode.UNNECESSARY)
                                    .toPlainString() + ", not 1.00",
                    null);
        }
        return new Result(json.append(']').toString(), null, null);
    }

    private BigDecimal share(String text) {
        String t = text.strip();
        boolean percent = t.endsWith("%");
        BigDecimal n = Values.number(
                percent ? t.substring(0, t.length() - 1) : t,
                t.contains(",") && !t.contains(".") ? NumberStyle.DE : numbers);
        return n == null ? null : percent ? n.movePointLeft(2) : n;
    }

    private static List<Share> fromText(String text) {
        List<Share> shares = new ArrayList<>();
        for (String part : text.split("[;|]")) {
            if (part.isBlank()) {
                continue;
            }
            int at = Math.max(part.lastIndexOf(':'), part.lastIndexOf('='));
            if (at <= 0) {
                return null;
            }
            shares.add(new Share(
                    part.substring(0, at).strip(), part.substring(at + 1).strip()));
        }
        return shares;
    }

    private static List<Share> fromJson(String text) {
        try {
            JsonNode array = JSON.readTree(text);
            if (!array.isArray()) {
                return null;
            }
            List<Share> shares = new ArrayList<>();
            for (JsonNode item : array) {
                JsonNode person = item.get("person_id");
                JsonNode share = item.get("share");
                if (person == null || share == null) {
                    return null;
                }
                if (share.isNumber() && !Bounds.plain(share.decimalValue())) {
                    return null; // 1e999999999 is no share, and its plain digits would not fit in memory
                }
                shares.add(new Share(
                        person.asString(),
                        share.isNumber() ? share.decimalValue().toPlainString() : share.asString()));
            }
            return shares;
        } catch (JacksonException e) {
            return null;
        }
    }
}
