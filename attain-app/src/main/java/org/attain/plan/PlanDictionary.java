package org.attain.plan;

import java.util.Map;
import org.attain.engine.cel.DataDictionary;
import org.attain.engine.cel.DataDictionary.Type;
import org.attain.engine.plan.PlanCompiler;
import org.attain.sales.TransactionFacts;
import org.springframework.stereotype.Component;

/**
 * The data dictionary plan conditions are checked against in this app: the engine's fields, what a run
 * adds from the database (calc.CalcInputs, org.OrgSnapshot: the deal's term, the account's industry,
 * country, size band and region code, the person's region id), and every custom attribute the current
 * deals carry, typed by the values they hold. A condition naming anything else does not compile.
 */
@Component
class PlanDictionary {

    private static final DataDictionary APP = DataDictionary.standard()
            .with("deal", "term_months", Type.INTEGER)
            .with("account", "industry", Type.STRING)
            .with("account", "country", Type.STRING)
            .with("account", "size_band", Type.STRING)
            .with("account", "region", Type.STRING)
            .with("person", "region_id", Type.INTEGER);

    private final TransactionFacts facts;
    private final PlanCompiler base = new PlanCompiler();

    PlanDictionary(TransactionFacts facts) {
        this.facts = facts;
    }

    DataDictionary current() {
        DataDictionary d = APP;
        for (Map.Entry<String, TransactionFacts.AttributeKind> a :
                facts.attributes().entrySet()) {
            if (d.type("deal", a.getKey()).isEmpty()) {
                d = d.with(
                        "deal",
                        a.getKey(),
                        switch (a.getValue()) {
                            case TEXT -> Type.STRING;
                            case INTEGER -> Type.INTEGER;
                            case NUMBER -> Type.NUMBER;
                            case MIXED -> Type.ANY;
                        });
            }
        }
        return d;
    }

    /** A compiler that checks conditions against the current dictionary (kept while the dictionary is equal). */
    PlanCompiler compiler() {
        return base.checking(current());
    }
}
