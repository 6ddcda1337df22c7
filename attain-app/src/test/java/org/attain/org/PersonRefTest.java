package org.attain.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonRefTest {

    @Test
    void aPrefixSaysWhichKindOfIdAndAPlainValueMayBeAny() {
        assertThat(PersonRef.valueOf("id:42")).isEqualTo(new PersonRef(PersonRef.Kind.ID, "42"));
        assertThat(PersonRef.valueOf("employee:42")).isEqualTo(new PersonRef(PersonRef.Kind.EMPLOYEE, "42"));
        assertThat(PersonRef.valueOf("EMAIL:Ann@Example.com"))
                .isEqualTo(new PersonRef(PersonRef.Kind.EMAIL, "Ann@Example.com"));
        assertThat(PersonRef.valueOf(" P00036 ")).isEqualTo(new PersonRef(PersonRef.Kind.ANY, "P00036"));
        assertThat(PersonRef.valueOf("EU:123"))
                .as("an unknown prefix is part of the employee id")
                .isEqualTo(new PersonRef(PersonRef.Kind.ANY, "EU:123"));
    }

    @Test
    void aJsonNumberIsTheInternalIdAsTheApiAlwaysTookIt() {
        assertThat(PersonRef.fromJson(42)).isEqualTo(PersonRef.id(42));
        assertThat(PersonRef.fromJson("42")).isEqualTo(new PersonRef(PersonRef.Kind.ANY, "42"));
        assertThatThrownBy(() -> PersonRef.fromJson(4.5)).hasMessageContaining("not an id");
        assertThatThrownBy(() -> PersonRef.valueOf("id:abc")).hasMessageContaining("'abc' is not an id");
        assertThatThrownBy(() -> PersonRef.valueOf("  ")).hasMessageContaining("needs an id, employee id or e-mail");
    }
}
