package org.attain.demo;

/**
 * A customer or prospect; maps to table {@code account}.
 *
 * @param country ISO 3166 alpha-2 code
 * @param ownerId the rep owning the account on the as-of date
 */
public record Account(
        String externalId,
        String name,
        String industry,
        String country,
        SizeBand sizeBand,
        int employees,
        String regionCode,
        String ownerId) {}
