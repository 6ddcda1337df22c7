package org.attain.engine.plan;

import java.math.BigDecimal;
import java.util.List;
import org.attain.engine.money.Money;

/**
 * Weighted objectives: target x sum(weight x min(score, max score)), scores coming from KPI inputs. The target is a
 * fixed amount, or ({@code targetShare} not null) that share of the payee's target incentive for the period.
 */
public record MboComponent(ComponentBasics basics, Money target, List<Objective> objectives, BigDecimal targetShare)
        implements Component, java.io.Serializable {

    public MboComponent {
        objectives = List.copyOf(objectives);
    }

    public MboComponent(ComponentBasics basics, Money target, List<Objective> objectives) {
        this(basics, target, objectives, null);
    }

    @Override
    public boolean perDeal() {
        return false;
    }
}
