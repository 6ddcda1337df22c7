package org.attain.demo;

/**
 * A sales region; maps to table {@code region}. Deals in the region are booked in its currency.
 *
 * @param code     stable key, e.g. "NA"
 * @param timeZone where the region's people work; used to place activities in office hours
 */
public record Region(String code, String name, String currency, String timeZone) {}
