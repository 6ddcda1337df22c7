package org.attain.ingest.records;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one bulk record with its numbers as BigDecimal, never through a double: 900719925474.0993 stays
 * 900719925474.0993 (a double makes it ...0992), 12.50 in an attribute stays 12.50, and 1e400 stays a number
 * the checks can refuse instead of Infinity. Only the bulk records read this way; the application's own mapper
 * (which the calculation reads stored JSON with) is left as it is.
 */
public final class ExactRecords extends ValueDeserializer<Map<String, JsonNode>> {

    private static final ObjectReader EXACT = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build()
            .readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public Map<String, JsonNode> deserialize(JsonParser p, DeserializationContext ctxt) {
        JsonNode record = EXACT.readValue(p);
        if (record == null || record.isNull()) {
            return null;
        }
        if (!record.isObject()) {
            return ctxt.reportInputMismatch(
                    this,
                    "a record is a JSON object of field names and values, not %s",
                    record.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        record.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }
}
