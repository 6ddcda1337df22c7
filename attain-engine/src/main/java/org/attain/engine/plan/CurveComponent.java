package org.attain.engine.plan;

import java.util.List;

/**
 * A bonus on a piecewise-linear curve: nothing below the first point (or the threshold), linear between
 * points, the last point's value above the last point (the curve's own cap) unless the terms extend it. The
 * points pay amounts, or shares of the payee's target incentive ({@link CurveTerms}).
 */
public record CurveComponent(ComponentBasics basics, TierBasis basis, List<CurvePoint> points, CurveTerms terms)
        implements Component, java.io.Serializable {

    public CurveComponent {
        points = List.copyOf(points);
        terms = terms == null ? CurveTerms.FIXED : terms;
    }

    public CurveComponent(ComponentBasics basics, TierBasis basis, List<CurvePoint> points) {
        this(basics, basis, points, CurveTerms.FIXED);
    }

    @Override
    public boolean perDeal() {
        return false;
    }
}
