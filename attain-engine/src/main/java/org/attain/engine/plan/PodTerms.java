package org.attain.engine.plan;

/**
 * A component paid on its pod's attainment ({@code attainment: pod}): it reads the combined credits of
 * everyone in the payee's pod against the pod's quota instead of the payee's own. {@code proration}
 * says what a member who was in the pod for only part of the period gets.
 */
public record PodTerms(PodProration proration) implements java.io.Serializable {

    public PodTerms {
        proration = proration == null ? PodProration.NONE : proration;
    }

    /** How a member's pod pay shrinks when they were in the pod for only part of the period. */
    public enum PodProration {
        /** The member earns the full pod amount however long they were in the pod. */
        NONE,
        /** The pod amount x days in the pod (and on plan) / days in the period, counting calendar days. */
        BY_DAYS_IN_POD
    }
}
