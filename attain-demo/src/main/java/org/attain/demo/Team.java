package org.attain.demo;

/**
 * A team; maps to table {@code team}.
 *
 * @param code       stable key, e.g. "NA-AE-01"
 * @param regionCode the region the team sells in
 * @param managerId  external id of the team's manager as of the as-of date
 */
public record Team(String code, String name, String regionCode, String managerId) {}
