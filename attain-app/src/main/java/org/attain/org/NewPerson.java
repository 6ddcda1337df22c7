package org.attain.org;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What it takes to add a person to the org. */
public record NewPerson(
        @NotBlank @Size(max = 64) String externalId,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 200) String email,
        @NotBlank @Size(max = 100) String title,
        @NotNull RoleType roleType,
        Long teamId,
        Long managerId,
        @NotNull LocalDate employmentStart,
        LocalDate employmentEnd,
        @Pattern(regexp = "[A-Z]{3}") String currency) {}
