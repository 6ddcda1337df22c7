package org.attain.engine.model;

import java.util.Objects;

/** Identifies a person (payee, manager) across all inputs. */
public record PersonId(String value) implements Comparable<PersonId>, java.io.Serializable {

    public PersonId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("person id must not be blank");
        }
    }

    public static PersonId of(String value) {
        return new PersonId(value);
    }

    @Override
    public int compareTo(PersonId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
