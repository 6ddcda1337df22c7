package org.attain.engine.calc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.engine.model.PersonId;
import org.attain.engine.territory.ViaTerritory;

/**
 * The line-level steps that say which deals came through a territory: one per territory, role and person
 * ("2 deal(s) via territory NORDICS (owner r1): D1, D3"), coded so the application shows it translated.
 * Lines without territory credit (every line of a run without territories) pass one null check per deal.
 */
final class TerritorySteps {

    static final String OWNER_CODE = "trace.territory.owner";
    static final String OVERLAY_CODE = "trace.territory.overlay";
    private static final int DEALS_NAMED = 5;

    private TerritorySteps() {}

    private record Key(ViaTerritory territory, PersonId via) implements java.io.Serializable {}

    /** The deals of one key: how many, the first few by id, and the last (a deal split over rules comes twice). */
    private static final class Deals {
        private final List<String> named = new ArrayList<>(DEALS_NAMED);
        private String last;
        private int count;

        void add(String id) {
            if (id.equals(last)) {
                return;
            }
            last = id;
            count++;
            if (named.size() < DEALS_NAMED) {
                named.add(id);
            }
        }
    }

    static void add(List<Contribution> contributions, List<TraceStep> steps) {
        Map<Key, Deals> deals = null;
        for (Contribution c : contributions) {
            if (c.territory() == null) {
                continue;
            }
            if (deals == null) {
                deals = new LinkedHashMap<>();
            }
            deals.computeIfAbsent(new Key(c.territory(), c.via()), k -> new Deals())
                    .add(c.transaction().value());
        }
        if (deals == null) {
            return;
        }
        deals.forEach((key, d) -> {
            ViaTerritory t = key.territory();
            String person = key.via() == null ? "" : key.via().value();
            String named = String.join(", ", d.named) + (d.count > DEALS_NAMED ? ", …" : "");
            String detail = d.count + " deal(s) via " + t.describe(person) + ": " + named;
            steps.add(new TraceStep(
                    "territory",
                    detail,
                    t.role() == org.attain.engine.territory.TerritoryRole.OWNER ? OWNER_CODE : OVERLAY_CODE,
                    List.of(t.id(), t.name(), person, String.valueOf(d.count), named)));
        });
    }
}
