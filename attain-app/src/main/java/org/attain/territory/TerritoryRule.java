package org.attain.territory;

import java.time.LocalDate;
import java.util.List;

/**
 * One assignment rule of a territory: it claims the accounts that meet every condition it has (an empty list or
 * bound is no condition). Lower precedence numbers are applied first. Named accounts are given by id and shown
 * by external id.
 */
public record TerritoryRule(
        long id,
        long territoryId,
        int precedence,
        List<String> countries,
        String postalFrom,
        String postalTo,
        List<String> industries,
        List<String> sizeBands,
        List<Long> accountIds,
        List<String> accountExternalIds,
        LocalDate validFrom,
        LocalDate validUntil) {

    public TerritoryRule {
        countries = countries == null ? List.of() : List.copyOf(countries);
        industries = industries == null ? List.of() : List.copyOf(industries);
        sizeBands = sizeBands == null ? List.of() : List.copyOf(sizeBands);
        accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
        accountExternalIds = accountExternalIds == null ? List.of() : List.copyOf(accountExternalIds);
    }
}
