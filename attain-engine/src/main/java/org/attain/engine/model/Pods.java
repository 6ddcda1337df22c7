package org.attain.engine.model;

import java.util.List;
import java.util.Map;

/**
 * The team (pod) inputs of a calculation: display names by team, effective-dated memberships and team
 * quotas. Only plans with components on {@code attainment: pod} read them.
 */
public record Pods(Map<TeamId, String> names, List<TeamMembership> memberships, List<TeamQuota> quotas)
        implements java.io.Serializable {

    public static final Pods NONE = new Pods(Map.of(), List.of(), List.of());

    public Pods {
        names = Map.copyOf(names);
        memberships = List.copyOf(memberships);
        quotas = List.copyOf(quotas);
    }

    /** The team's display name, or its id when it has none. */
    public String name(TeamId team) {
        return names.getOrDefault(team, team.value());
    }

    public boolean isEmpty() {
        return memberships.isEmpty() && quotas.isEmpty();
    }
}
