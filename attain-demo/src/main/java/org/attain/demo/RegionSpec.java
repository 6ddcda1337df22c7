package org.attain.demo;

import java.util.List;

/** What the generator needs to know about a region beyond the {@link Region} row. */
record RegionSpec(
        Region region,
        String longName,
        double weight,
        List<String> countries,
        List<String> companySuffixes,
        double germanNameShare,
        List<String> teamAreas,
        double unitsPerUsd) {

    private static final RegionSpec NORTH_AMERICA = new RegionSpec(
            new Region("NA", "North America", "USD", "America/New_York"),
            "North America",
            0.40,
            List.of("US", "US", "US", "US", "CA"),
            List.of("Inc.", "Corp.", "LLC", "Group"),
            0.08,
            List.of("East", "West", "Central", "South", "Northeast", "Canada", "Southwest"),
            1.00);
    private static final RegionSpec DACH = new RegionSpec(
            new Region("DACH", "DACH", "EUR", "Europe/Berlin"),
            "DACH",
            0.25,
            List.of("DE", "DE", "DE", "AT", "CH"),
            List.of("GmbH", "AG", "SE", "GmbH & Co. KG"),
            0.85,
            List.of("Nord", "Süd", "West", "Ost", "Österreich", "Schweiz"),
            0.92);
    private static final RegionSpec UK_IRELAND = new RegionSpec(
            new Region("UKI", "UK & Ireland", "GBP", "Europe/London"),
            "UK & Ireland",
            0.20,
            List.of("GB", "GB", "GB", "IE"),
            List.of("Ltd", "plc", "Group"),
            0.05,
            List.of("London", "North", "Midlands", "Ireland", "Scotland"),
            0.79);
    private static final RegionSpec AUSTRALIA_NZ = new RegionSpec(
            new Region("ANZ", "Australia & New Zealand", "AUD", "Australia/Sydney"),
            "Australia & New Zealand",
            0.15,
            List.of("AU", "AU", "AU", "NZ"),
            List.of("Pty Ltd", "Ltd", "Group"),
            0.05,
            List.of("Sydney", "Melbourne", "Brisbane", "New Zealand"),
            1.52);

    /** One region for a tiny company, three from 30 people, four (with ANZ) from 60. */
    static List<RegionSpec> forPeople(int people) {
        if (people >= 60) {
            return List.of(NORTH_AMERICA, DACH, UK_IRELAND, AUSTRALIA_NZ);
        }
        if (people >= 30) {
            return List.of(NORTH_AMERICA, DACH, UK_IRELAND);
        }
        return List.of(NORTH_AMERICA);
    }

    String code() {
        return region.code();
    }
}
