package org.attain.ingest.transactions;

import java.util.Map;
import org.attain.ingest.Bounds;
import org.attain.ingest.files.Cells;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The custom attributes of a transaction (a JSON object plan rules read as deal.name): a bounded
 * number of short names and values (see {@link Bounds#ATTRIBUTE_COUNT}), nothing PostgreSQL's jsonb
 * cannot hold (an escaped NUL, a number beyond its range). The text is stored as sent.
 */
public final class Attributes {

    // numbers as BigDecimal: 1e999999999 must be seen for what it is, not as Infinity
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Attributes() {}

    /** Null when the text is a storable attributes object, else why not. */
    public static Bounds.Refusal check(String text) {
        if (text.equals("{}")) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new Bounds.Refusal("ingest.bound.attributesObject", Cells.preview(text, 40));
        }
        if (root.size() > Bounds.ATTRIBUTE_COUNT) {
            return new Bounds.Refusal("ingest.bound.attributesCount", root.size(), Bounds.ATTRIBUTE_COUNT);
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String name = e.getKey();
            if (name.length() > Bounds.ATTRIBUTE_KEY_LENGTH) {
                return new Bounds.Refusal(
                        "ingest.bound.attributeName", Cells.preview(name, 40), Bounds.ATTRIBUTE_KEY_LENGTH);
            }
            String value = e.getValue().toString();
            if (value.length() > Bounds.ATTRIBUTE_VALUE_LENGTH) {
                return new Bounds.Refusal(
                        "ingest.bound.attributeValue", Cells.preview(name, 40), Bounds.ATTRIBUTE_VALUE_LENGTH);
            }
            if (Cells.unstorableAt(name) >= 0 || !storable(e.getValue())) {
                return new Bounds.Refusal("ingest.bound.attributeStorable", Cells.preview(name, 40));
            }
        }
        return null;
    }

    private static boolean storable(JsonNode node) {
        if (node.isString()) {
            return Cells.unstorableAt(node.asString()) < 0;
        }
        if (node.isNumber()) {
            return Bounds.plain(node.decimalValue());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (Cells.unstorableAt(e.getKey()) >= 0 || !storable(e.getValue())) {
                    return false;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node.values()) {
                if (!storable(item)) {
                    return false;
                }
            }
        }
        return true;
    }
}
