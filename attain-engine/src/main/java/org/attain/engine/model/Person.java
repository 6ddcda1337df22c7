package org.attain.engine.model;

import java.util.Map;
import java.util.Objects;
import org.attain.engine.time.DateRange;

/** A person who can be paid or manage others; {@code employment} bounds proration and crediting. */
public record Person(PersonId id, String name, String role, DateRange employment, Map<String, Object> attributes)
        implements java.io.Serializable {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(employment, "employment");
        name = name == null ? id.value() : name;
        role = role == null ? "" : role;
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }

    public static Person of(String id, String role, DateRange employment) {
        return new Person(PersonId.of(id), id, role, employment, Map.of());
    }
}
