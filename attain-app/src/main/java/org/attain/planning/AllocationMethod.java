package org.attain.planning;

/** How a node's number is split among its direct reports. */
public enum AllocationMethod {
    /** The same share each. */
    EVEN,
    /** In proportion to the subtree's won bookings of the previous fiscal year. */
    HISTORY,
    /** In proportion to the potential of the accounts the subtree's people own (sales' account potential). */
    POTENTIAL,
    /** In proportion to the subtree's open opportunities. */
    PIPELINE,
    /** The plan's weighted blend of the even, history and pipeline shares. */
    BLEND
}
