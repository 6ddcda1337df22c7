package org.attain.sales;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attain.engine.money.CurrencyUnit;

/** Status, type, product, currency codes and id prefixes: a few hundred distinct strings. */
final class StringCodes {
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>();
    private final List<CurrencyUnit> currencies = new ArrayList<>();

    /** null has code -1. */
    int code(String value) {
        if (value == null) {
            return -1;
        }
        Integer code = codes.get(value);
        if (code == null) {
            code = values.size();
            values.add(value);
            currencies.add(null);
            codes.put(value, code);
        }
        return code;
    }

    String value(int code) {
        return code < 0 ? null : values.get(code);
    }

    CurrencyUnit currency(int code) {
        CurrencyUnit unit = currencies.get(code);
        if (unit == null) {
            // Written under the read lock by several runs at once: each computes the same value.
            unit = CurrencyUnit.of(values.get(code));
            synchronized (currencies) {
                currencies.set(code, unit);
            }
        }
        return unit;
    }
}
