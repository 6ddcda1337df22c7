package org.attain.engine.plan;

import java.util.List;
import org.attain.engine.money.Money;

/** Weighted objectives: target x sum(weight x min(score, max score)), scores coming from KPI inputs. */
public record MboComponent(ComponentBasics basics, Money target, List<Objective> objectives) implements Component {

    public MboComponent {
        objectives = List.copyOf(objectives);
    }

    @Override
    public boolean perDeal() {
        return false;
    }
}
