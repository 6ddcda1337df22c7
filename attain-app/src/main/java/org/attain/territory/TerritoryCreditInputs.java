package org.attain.territory;

import org.attain.calcinputs.CalcInputContributor;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.territory.TerritoryClaims;
import org.attain.engine.territory.TerritoryCrediting;
import org.springframework.stereotype.Component;

/**
 * Territory crediting as a run's input: nothing while the policy is off (the run is exactly as without
 * territories); when on, the policy and the claims of its hierarchy over the run's window, and for each territory
 * owner and overlay the accounts whose deals may credit them, so a run reads those deals too.
 */
@Component
class TerritoryCreditInputs implements CalcInputContributor {

    private final TerritoryCreditingPolicies policies;
    private final TerritoryAssignments assignments;

    TerritoryCreditInputs(TerritoryCreditingPolicies policies, TerritoryAssignments assignments) {
        this.policies = policies;
        this.assignments = assignments;
    }

    @Override
    public void contribute(CalculationInput.Builder input, Scope run) {
        TerritoryCreditingPolicy policy = policies.current();
        if (!policy.enabled()) {
            return;
        }
        if (!policy.usesTerritories()) {
            input.territories(TerritoryCrediting.of(policy.engine(), TerritoryClaims.NONE));
            return;
        }
        TerritoryClaimIndex claims = new TerritoryClaimIndex(
                assignments.claims(run.window().first(), run.window().last().plusDays(1), policy.hierarchyId()));
        input.territories(TerritoryCrediting.of(policy.engine(), claims));
        run.accountsCrediting(claims.accountsOf());
    }
}
