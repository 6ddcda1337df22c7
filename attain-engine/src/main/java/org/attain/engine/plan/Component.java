package org.attain.engine.plan;

/** One way a plan pays; each statement line comes from one component. */
public sealed interface Component
        permits RateComponent,
                TieredComponent,
                BonusComponent,
                CurveComponent,
                PerDealComponent,
                MboComponent,
                RateTableComponent {

    ComponentBasics basics();

    default String id() {
        return basics().id();
    }

    /** Whether the component's amount can be split over deals (for holdbacks, clawbacks and traces). */
    default boolean perDeal() {
        return true;
    }
}
