package org.attain.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads JSON response bodies in tests. */
public final class Json {

    // Amounts in answers are exact decimals: read as BigDecimal, a 17-digit amount would come back
    // rounded through a double and a test would blame the product for its own reading.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(tools.jackson.databind.cfg.JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {}

    public static JsonNode parse(String body) {
        return MAPPER.readTree(body);
    }
}
