package org.attain.engine.model;

import java.util.Objects;

/** Identifies a team (pod) across memberships and team quotas. */
public record TeamId(String value) implements Comparable<TeamId>, java.io.Serializable {

    public TeamId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("team id must not be blank");
        }
    }

    public static TeamId of(String value) {
        return new TeamId(value);
    }

    @Override
    public int compareTo(TeamId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
