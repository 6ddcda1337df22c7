package org.attain.territory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attain.access.AttainUser;
import org.attain.platform.CellText;
import org.attain.platform.NotFoundException;
import org.attain.territory.AccountTerritories;
import org.attain.territory.Hierarchy;
import org.attain.territory.Territories;
import org.attain.territory.Territory;
import org.attain.territory.TerritoryMember;
import org.attain.territory.TerritoryRule;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Territories, rules and members as CSV in the columns of their example profiles (examples/imports/territories,
 * territory-rules and territory-members .profile.yaml), so an export edited in a spreadsheet loads back; and the accounts with their
 * territory on a day ({@code assignments}) in the columns of examples/imports/account-territories.profile.yaml, which
 * loads them back as accounts unchanged (the territory column is the rules' answer and is not imported).
 */
@Controller
class TerritoryExport {

    static final List<String> ASSIGNMENTS = List.of(
            "Source",
            "Account ID",
            "Account Name",
            "Industry",
            "Country",
            "Postal Code",
            "Segment",
            "Employees",
            "Region",
            "Account Owner",
            "Territory",
            "Territory Name",
            "On");

    private final Territories territories;
    private final AccountTerritories accounts;
    private final Clock clock;

    TerritoryExport(Territories territories, AccountTerritories accounts, Clock clock) {
        this.territories = territories;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/territories/export/{kind}.csv")
    void export(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String hierarchy,
            @RequestParam(required = false) String source,
            HttpServletResponse response)
            throws IOException {
        Planners.only(user);
        if (!List.of("territories", "territory_rules", "territory_members", "assignments")
                .contains(kind)) {
            throw new NotFoundException("export", kind);
        }
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        Hierarchy chosen = kind.equals("assignments") ? hierarchy(hierarchy) : null;
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + kind + ".csv\"");
        try (CSVPrinter out = new CSVPrinter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            switch (kind) {
                case "territories" -> territories(out);
                case "territory_rules" -> rules(out);
                case "assignments" -> assignments(out, day, chosen, source == null || source.isBlank() ? null : source);
                default -> members(out);
            }
        }
    }

    private void territories(CSVPrinter out) throws IOException {
        out.printRecord(CellText.row("Code", "Name", "Level", "Parent", "Hierarchy", "From", "Until"));
        for (Territory t : territories.all(null)) {
            out.printRecord(CellText.row(
                    t.code(),
                    t.name(),
                    t.level(),
                    text(t.parentCode()),
                    t.hierarchyCode(),
                    t.validFrom(),
                    text(t.validUntil())));
        }
    }

    private void rules(CSVPrinter out) throws IOException {
        out.printRecord(CellText.row(
                "Territory",
                "Precedence",
                "From",
                "Until",
                "Countries",
                "Postal from",
                "Postal to",
                "Industries",
                "Size bands",
                "Named accounts"));
        java.util.Map<Long, String> codes = new java.util.HashMap<>();
        territories.all(null).forEach(t -> codes.put(t.id(), t.code()));
        for (TerritoryRule r : territories.allRules(null)) {
            out.printRecord(CellText.row(
                    codes.get(r.territoryId()),
                    r.precedence(),
                    r.validFrom(),
                    text(r.validUntil()),
                    String.join(";", r.countries()),
                    text(r.postalFrom()),
                    text(r.postalTo()),
                    String.join(";", r.industries()),
                    String.join(";", r.sizeBands()),
                    String.join(";", r.accountExternalIds())));
        }
    }

    private void members(CSVPrinter out) throws IOException {
        out.printRecord(CellText.row("Territory", "Employee ID", "Role", "From", "Until"));
        java.util.Map<Long, String> codes = new java.util.HashMap<>();
        territories.all(null).forEach(t -> codes.put(t.id(), t.code()));
        for (TerritoryMember m : territories.allMembers(null)) {
            out.printRecord(CellText.row(
                    codes.get(m.territoryId()),
                    m.employeeId() == null ? m.personId() : m.employeeId(),
                    m.role(),
                    m.validFrom(),
                    text(m.validUntil())));
        }
    }

    private Hierarchy hierarchy(String code) {
        if (code == null || code.isBlank()) {
            return territories.hierarchies().stream()
                    .min(java.util.Comparator.comparingLong(
                            Hierarchy::id)) // the first made, the seeded one on the demo
                    .orElseThrow(() -> new NotFoundException("territory hierarchy", "any"));
        }
        return territories
                .hierarchyByCode(code.strip())
                .orElseThrow(() -> new NotFoundException("territory hierarchy", code));
    }

    private void assignments(CSVPrinter out, LocalDate day, Hierarchy hierarchy, String source) throws IOException {
        out.printRecord(ASSIGNMENTS);
        for (AccountTerritories.Row r : accounts.on(day, hierarchy.id(), source)) {
            out.printRecord(CellText.row(
                    r.source(),
                    r.externalId(),
                    r.name(),
                    text(r.industry()),
                    text(r.country()),
                    text(r.postalCode()),
                    text(r.sizeBand()),
                    text(r.employees()),
                    text(r.region()),
                    text(r.owner()),
                    text(r.territoryCode()),
                    text(r.territoryName()),
                    day));
        }
    }

    private static String text(Object o) {
        return Objects.toString(o, "");
    }
}
