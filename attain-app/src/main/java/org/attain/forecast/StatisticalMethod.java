package org.attain.forecast;

/** The methods the statistical forecast backtests and picks from, in the order a tie is settled (simplest first). */
public enum StatisticalMethod {
    SEASONAL_NAIVE("seasonal_naive"),
    HOLT_WINTERS_ADDITIVE("holt_winters_additive"),
    HOLT_WINTERS_MULTIPLICATIVE("holt_winters_multiplicative"),
    PIPELINE_RUN_RATE("pipeline_run_rate");

    private final String key;

    StatisticalMethod(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
