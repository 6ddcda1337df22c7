package org.attain.sales;

import java.util.Set;

/**
 * Published when an opportunity was inserted or changed (a CRM's deal, open or closed): whose it is now, so boards
 * over the open pipeline or the pipeline created can refresh. Heard after the writing transaction committed.
 */
public record OpportunitiesChanged(Set<Long> ownerIds) {

    public OpportunitiesChanged {
        ownerIds = Set.copyOf(ownerIds);
    }
}
