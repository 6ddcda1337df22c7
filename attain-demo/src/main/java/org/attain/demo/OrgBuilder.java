package org.attain.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the organisation: a CRO, revenue operations, and per region a VP, solution engineers,
 * SDRs and account-executive teams. People are numbered in the order they are created, so ids are
 * stable for a given size and seed.
 */
final class OrgBuilder {

    private static final SizeBand[] TEAM_SEGMENTS = {SizeBand.ENTERPRISE, SizeBand.MID, SizeBand.SMB};

    private final DemoParameters parameters;
    private final SplittableRandom random;
    private final LocalDate historyStart;
    private final LocalDate asOf;
    private final int idWidth;
    private final Set<String> emails = new HashSet<>();
    private final List<Person> people = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private final List<ReportingLine> lines = new ArrayList<>();
    private final List<TeamMembership> memberships = new ArrayList<>();
    private final List<Seat> seats = new ArrayList<>();
    private final List<Helper> sdrs = new ArrayList<>();
    private final List<Helper> overlays = new ArrayList<>();
    private Seat demoSeat;
    private Seat movingSeat;
    private Team demoTeam;
    private Team movingFromTeam;

    OrgBuilder(DemoParameters parameters) {
        this.parameters = parameters;
        this.random = Seeds.random(parameters.seed(), Seeds.ORG);
        this.historyStart = parameters.historyStart();
        this.asOf = parameters.asOf();
        this.idWidth = Seeds.width(parameters.people(), 5);
    }

    Organisation build() {
        List<RegionSpec> specs = RegionSpec.forPeople(parameters.people());
        RegionSpec headquarters = specs.get(0);
        int adminCount = Math.max(3, (int) Math.round(parameters.people() * 0.03));

        Person cro = hire(RoleType.MANAGER, "Chief Revenue Officer", headquarters, null, veteranStart(), null);
        Team operations = team("OPS", "Revenue Operations", null, null);
        Person admin = staff(operations, "Director of Sales Operations", headquarters, cro);
        Person compAdmin = staff(operations, "Compensation Administrator", headquarters, cro);
        Person finance = staff(operations, "Finance Controller", headquarters, cro);
        Team ledOperations = new Team("OPS", operations.name(), null, admin.externalId());
        teams.set(teams.indexOf(operations), ledOperations);
        operations = ledOperations;
        List<String> analystTitles = List.of(
                "Sales Operations Analyst",
                "Deal Desk Analyst",
                "Compensation Analyst",
                "Revenue Accountant",
                "Sales Systems Administrator");
        for (int i = 3; i < adminCount; i++) {
            staff(operations, analystTitles.get((i - 3) % analystTitles.size()), headquarters, admin);
        }

        int[] regionSizes = allocate(parameters.people() - adminCount - 1 - specs.size(), specs);
        for (int r = 0; r < specs.size(); r++) {
            buildRegion(specs.get(r), regionSizes[r], cro);
        }
        if (movingSeat != null) {
            moveRep();
        }
        DemoLogins logins = new DemoLogins(
                demoTeam.managerId(),
                demoSeat.latest().personId(),
                admin.externalId(),
                compAdmin.externalId(),
                finance.externalId());
        return new Organisation(
                specs.stream().map(RegionSpec::region).toList(),
                List.copyOf(teams),
                List.copyOf(people),
                List.copyOf(lines),
                List.copyOf(memberships),
                List.copyOf(seats),
                List.copyOf(sdrs),
                List.copyOf(overlays),
                logins);
    }

    private void buildRegion(RegionSpec spec, int size, Person cro) {
        String code = spec.code();
        Person vp =
                hire(RoleType.MANAGER, "Regional Vice President, " + spec.longName(), spec, null, veteranStart(), null);
        report(vp, cro, vp.employmentStart(), null);

        int overlayCount = size >= 20 ? Math.max(1, (int) Math.round(size * 0.06)) : 0;
        int sdrCount = size >= 20 ? Math.max(2, (int) Math.round(size * 0.12)) : 0;
        int sdrManagerCount = sdrCount >= 6 ? 1 : 0;
        int aeCount = size - overlayCount - sdrCount - sdrManagerCount;
        int teamCount = Math.max(1, Math.min((int) Math.round(aeCount / 9.0), aeCount / 2));
        int repPeople = aeCount - teamCount;
        // Leavers and their successors need room in the history; a short one has neither.
        int replacements = historyDays() >= 270 ? (int) Math.round(repPeople * 0.07) : 0;
        int seatCount = repPeople - replacements;

        if (overlayCount > 0) {
            Team se = team(code + "-SE", spec.longName() + " Solutions Engineering", code, vp.externalId());
            for (int i = 0; i < overlayCount; i++) {
                String title = i % 3 == 0 ? "Senior Solutions Engineer" : "Solutions Engineer";
                Person overlay = member(RoleType.OVERLAY, title, spec, se, vp, veteranStart());
                overlays.add(new Helper(overlay.externalId(), spec, effort(skill())));
            }
        }
        if (sdrCount > 0) {
            Team sdrTeam = team(code + "-SDR", spec.longName() + " Sales Development", code, vp.externalId());
            Person sdrLead = vp;
            if (sdrManagerCount > 0) {
                sdrLead = member(RoleType.MANAGER, "Sales Development Manager", spec, sdrTeam, vp, veteranStart());
                teams.set(teams.indexOf(sdrTeam), new Team(sdrTeam.code(), sdrTeam.name(), code, sdrLead.externalId()));
            }
            for (int i = 0; i < sdrCount; i++) {
                Person sdr = member(
                        RoleType.SDR,
                        "Sales Development Representative",
                        spec,
                        sdrTeam,
                        sdrLead,
                        between(historyStart.minusDays(700), historyStart.minusDays(20)));
                sdrs.add(new Helper(sdr.externalId(), spec, effort(skill())));
            }
        }
        List<Team> aeTeams = new ArrayList<>();
        List<Person> aeManagers = new ArrayList<>();
        for (int k = 0; k < teamCount; k++) {
            SizeBand segment = TEAM_SEGMENTS[k % TEAM_SEGMENTS.length];
            List<String> areas = spec.teamAreas();
            String name = segmentLabel(segment) + " " + areas.get(k % areas.size())
                    + (k >= areas.size() ? " " + (k / areas.size() + 1) : "");
            Person manager =
                    hire(RoleType.MANAGER, segmentLabel(segment) + " Sales Manager", spec, null, veteranStart(), null);
            Team team = team(String.format("%s-AE-%02d", code, k + 1), name, code, manager.externalId());
            people.set(people.size() - 1, withTeam(manager, team.code()));
            report(manager, vp, manager.employmentStart(), null);
            memberships.add(new TeamMembership(team.code(), manager.externalId(), manager.employmentStart(), null));
            aeTeams.add(team);
            aeManagers.add(manager);
        }
        boolean headquarters = demoTeam == null;
        if (headquarters) {
            demoTeam = aeTeams.get(0);
        }
        int firstSeat = seats.size();
        List<Integer> seatTeams = new ArrayList<>();
        for (int k = 0; k < teamCount; k++) {
            int share = seatCount / teamCount + (k < seatCount % teamCount ? 1 : 0);
            for (int s = 0; s < share; s++) {
                seatTeams.add(k);
            }
        }
        // The demo rep (first seat of the demo team) and the rep who changes manager (first seat
        // of the second team) must have continuous employment, so they are never hires or leavers.
        BitSet reserved = new BitSet();
        if (headquarters) {
            reserved.set(0);
            if (teamCount > 1 && seatTeams.indexOf(1) >= 0) {
                reserved.set(seatTeams.indexOf(1));
            }
        }
        BitSet leavers = pick(seatCount, replacements, reserved);
        reserved.or(leavers);
        BitSet growth = pick(seatCount, historyDays() >= 180 ? (int) Math.round(seatCount * 0.10) : 0, reserved);
        for (int s = 0; s < seatCount; s++) {
            int k = seatTeams.get(s);
            Team team = aeTeams.get(k);
            Seat seat = new Seat(seats.size(), spec, team.code(), TEAM_SEGMENTS[k % TEAM_SEGMENTS.length]);
            seats.add(seat);
            boolean isDemoSeat = headquarters && s == 0;
            LocalDate start =
                    growth.get(s) ? monday(between(historyStart.plusDays(60), asOf.minusDays(60))) : veteranStart();
            LocalDate end = leavers.get(s) ? between(historyStart.plusDays(90), asOf.minusDays(90)) : null;
            double skill = isDemoSeat ? 1.25 : skill();
            double effort = isDemoSeat ? 1.2 : effort(skill);
            Person rep = member(
                    RoleType.REP, repTitle(seat.segment, !growth.get(s)), spec, team, aeManagers.get(k), start, end);
            seat.occupants.add(
                    new Seat.Occupancy(rep.externalId(), start, end == null ? null : end.plusDays(1), skill, effort));
            if (end != null) {
                LocalDate successorStart = monday(min(end.plusDays(21 + random.nextInt(40)), asOf.minusDays(14)));
                double successorSkill = skill();
                Person successor = member(
                        RoleType.REP, repTitle(seat.segment, false), spec, team, aeManagers.get(k), successorStart);
                seat.occupants.add(new Seat.Occupancy(
                        successor.externalId(), successorStart, null, successorSkill, effort(successorSkill)));
            }
            if (isDemoSeat) {
                demoSeat = seat;
            }
            if (headquarters && teamCount > 1 && seats.size() - 1 - firstSeat == seatTeams.indexOf(1)) {
                movingSeat = seat;
                movingFromTeam = team;
            }
        }
    }

    /** The one manager change in the history: a rep moves to the demo manager's team mid-way. */
    private void moveRep() {
        LocalDate change = historyStart
                .plusDays(ChronoUnit.DAYS.between(historyStart, asOf) / 2)
                .withDayOfMonth(1);
        String personId = movingSeat.latest().personId();
        lines.removeIf(line -> line.personId().equals(personId));
        memberships.removeIf(membership -> membership.personId().equals(personId));
        Person rep = people.stream()
                .filter(p -> p.externalId().equals(personId))
                .findFirst()
                .orElseThrow();
        lines.add(new ReportingLine(personId, movingFromTeam.managerId(), rep.employmentStart(), change));
        lines.add(new ReportingLine(personId, demoTeam.managerId(), change, null));
        memberships.add(new TeamMembership(movingFromTeam.code(), personId, rep.employmentStart(), change));
        memberships.add(new TeamMembership(demoTeam.code(), personId, change, null));
        people.set(people.indexOf(rep), withTeam(rep, demoTeam.code()));
        movingSeat.teamCode = demoTeam.code();
    }

    private Person staff(Team team, String title, RegionSpec spec, Person manager) {
        return member(RoleType.ADMIN, title, spec, team, manager, veteranStart());
    }

    private Person member(RoleType role, String title, RegionSpec spec, Team team, Person manager, LocalDate start) {
        return member(role, title, spec, team, manager, start, null);
    }

    private Person member(
            RoleType role, String title, RegionSpec spec, Team team, Person manager, LocalDate start, LocalDate end) {
        Person person = hire(role, title, spec, team.code(), start, end);
        LocalDate until = end == null ? null : end.plusDays(1);
        report(person, manager, start, until);
        memberships.add(new TeamMembership(team.code(), person.externalId(), start, until));
        return person;
    }

    private void report(Person person, Person manager, LocalDate from, LocalDate until) {
        lines.add(new ReportingLine(person.externalId(), manager.externalId(), from, until));
    }

    private Person hire(RoleType role, String title, RegionSpec spec, String teamCode, LocalDate start, LocalDate end) {
        boolean german = random.nextDouble() < spec.germanNameShare();
        String first = Names.pick(german ? Names.GERMAN_FIRST : Names.ENGLISH_FIRST, random);
        String last = Names.pick(german ? Names.GERMAN_LAST : Names.ENGLISH_LAST, random);
        String id = Seeds.id('P', people.size() + 1L, idWidth);
        Person person = new Person(
                id,
                first,
                last,
                uniqueEmail(first, last),
                title,
                role,
                spec.code(),
                teamCode,
                start,
                end,
                spec.region().currency());
        people.add(person);
        return person;
    }

    private String uniqueEmail(String first, String last) {
        String local = Names.emailPart(first) + "." + Names.emailPart(last);
        String email = local + "@brightlane.example";
        for (int n = 2; !emails.add(email); n++) {
            email = local + n + "@brightlane.example";
        }
        return email;
    }

    private Team team(String code, String name, String regionCode, String managerId) {
        Team team = new Team(code, name, regionCode, managerId);
        teams.add(team);
        return team;
    }

    private static Person withTeam(Person p, String teamCode) {
        return new Person(
                p.externalId(),
                p.firstName(),
                p.lastName(),
                p.email(),
                p.title(),
                p.roleType(),
                p.regionCode(),
                teamCode,
                p.employmentStart(),
                p.employmentEnd(),
                p.currency());
    }

    /** Largest-remainder split of the people over the regions by weight, so the total is exact. */
    private static int[] allocate(int total, List<RegionSpec> specs) {
        double weightSum = specs.stream().mapToDouble(RegionSpec::weight).sum();
        int[] sizes = new int[specs.size()];
        double[] remainders = new double[specs.size()];
        int assigned = 0;
        for (int i = 0; i < sizes.length; i++) {
            double exact = total * specs.get(i).weight() / weightSum;
            sizes[i] = (int) exact;
            remainders[i] = exact - sizes[i];
            assigned += sizes[i];
        }
        for (; assigned < total; assigned++) {
            int best = 0;
            for (int i = 1; i < sizes.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            sizes[best]++;
            remainders[best] = -1;
        }
        return sizes;
    }

    private BitSet pick(int size, int count, BitSet excluded) {
        BitSet picked = new BitSet();
        int available = size - excluded.cardinality();
        for (int left = Math.min(count, available); left > 0; ) {
            int candidate = random.nextInt(size);
            if (!excluded.get(candidate) && !picked.get(candidate)) {
                picked.set(candidate);
                left--;
            }
        }
        return picked;
    }

    /** Log-normal around 1: most reps are solid, a few are stars, a few struggle. */
    private double skill() {
        return clamp(Math.exp(0.38 * random.nextGaussian()), 0.45, 2.2);
    }

    /** Effort follows skill loosely: good reps tend to work their pipeline harder. */
    private double effort(double skill) {
        return clamp(Math.pow(skill, 0.6) * Math.exp(0.2 * random.nextGaussian()), 0.4, 2.0);
    }

    private long historyDays() {
        return ChronoUnit.DAYS.between(historyStart, asOf);
    }

    private LocalDate veteranStart() {
        return monday(between(historyStart.minusDays(1800), historyStart.minusDays(30)));
    }

    private LocalDate between(LocalDate from, LocalDate toInclusive) {
        long days = ChronoUnit.DAYS.between(from, toInclusive);
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    private static String segmentLabel(SizeBand segment) {
        return switch (segment) {
            case ENTERPRISE -> "Enterprise";
            case MID -> "Mid-Market";
            case SMB -> "Commercial";
        };
    }

    private String repTitle(SizeBand segment, boolean mayBeSenior) {
        String base = switch (segment) {
            case ENTERPRISE -> "Enterprise Account Executive";
            case MID -> "Account Executive";
            case SMB -> "Commercial Account Executive";
        };
        return mayBeSenior && random.nextInt(4) == 0 ? "Senior " + base : base;
    }
}
