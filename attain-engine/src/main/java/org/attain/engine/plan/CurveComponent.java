package org.attain.engine.plan;

import java.util.List;

/**
 * A bonus on a piecewise-linear curve: nothing below the first point, linear between points, the last
 * point's pay above the last point (the curve's own cap).
 */
public record CurveComponent(ComponentBasics basics, TierBasis basis, List<CurvePoint> points) implements Component {

    public CurveComponent {
        points = List.copyOf(points);
    }

    @Override
    public boolean perDeal() {
        return false;
    }
}
