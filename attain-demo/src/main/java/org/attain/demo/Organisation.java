package org.attain.demo;

import java.util.List;

/** The master data built once per company, plus the seats and helpers that drive the history. */
record Organisation(
        List<Region> regions,
        List<Team> teams,
        List<Person> people,
        List<ReportingLine> reportingLines,
        List<TeamMembership> memberships,
        List<Seat> seats,
        List<Helper> sdrs,
        List<Helper> overlays,
        DemoLogins logins) {}
