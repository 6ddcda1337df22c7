package org.attain.territory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attain.access.AttainUser;
import org.attain.platform.NotFoundException;
import org.attain.territory.Territories;
import org.attain.territory.Territory;
import org.attain.territory.TerritoryMember;
import org.attain.territory.TerritoryRule;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Territories, rules and members as CSV in the columns the record import reads (kinds territories,
 * territory_rules, territory_members), so an export edited in a spreadsheet loads back.
 */
@Controller
class TerritoryExport {

    private final Territories territories;

    TerritoryExport(Territories territories) {
        this.territories = territories;
    }

    @GetMapping("/territories/export/{kind}.csv")
    void export(@AuthenticationPrincipal AttainUser user, @PathVariable String kind, HttpServletResponse response)
            throws IOException {
        Planners.only(user);
        if (!List.of("territories", "territory_rules", "territory_members").contains(kind)) {
            throw new NotFoundException("export", kind);
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + kind + ".csv\"");
        try (CSVPrinter out = new CSVPrinter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            switch (kind) {
                case "territories" -> territories(out);
                case "territory_rules" -> rules(out);
                default -> members(out);
            }
        }
    }

    private void territories(CSVPrinter out) throws IOException {
        out.printRecord("code", "name", "level", "parent", "hierarchy", "valid_from", "valid_until");
        for (Territory t : territories.all(null)) {
            out.printRecord(
                    t.code(),
                    t.name(),
                    t.level(),
                    text(t.parentCode()),
                    t.hierarchyCode(),
                    t.validFrom(),
                    text(t.validUntil()));
        }
    }

    private void rules(CSVPrinter out) throws IOException {
        out.printRecord(
                "territory",
                "precedence",
                "valid_from",
                "valid_until",
                "countries",
                "postal_from",
                "postal_to",
                "industries",
                "size_bands",
                "accounts");
        java.util.Map<Long, String> codes = new java.util.HashMap<>();
        territories.all(null).forEach(t -> codes.put(t.id(), t.code()));
        for (TerritoryRule r : territories.allRules(null)) {
            out.printRecord(
                    codes.get(r.territoryId()),
                    r.precedence(),
                    r.validFrom(),
                    text(r.validUntil()),
                    String.join(";", r.countries()),
                    text(r.postalFrom()),
                    text(r.postalTo()),
                    String.join(";", r.industries()),
                    String.join(";", r.sizeBands()),
                    String.join(";", r.accountExternalIds()));
        }
    }

    private void members(CSVPrinter out) throws IOException {
        out.printRecord("territory", "person", "role", "valid_from", "valid_until");
        java.util.Map<Long, String> codes = new java.util.HashMap<>();
        territories.all(null).forEach(t -> codes.put(t.id(), t.code()));
        for (TerritoryMember m : territories.allMembers(null)) {
            out.printRecord(
                    codes.get(m.territoryId()),
                    m.employeeId() == null ? m.personId() : m.employeeId(),
                    m.role(),
                    m.validFrom(),
                    text(m.validUntil()));
        }
    }

    private static String text(Object o) {
        return Objects.toString(o, "");
    }
}
