package org.attain.org.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.attain.org.NewPerson;
import org.attain.org.RoleType;
import org.springframework.format.annotation.DateTimeFormat;

/** The "add a person" form as the browser posts it; validation messages come in the user's language. */
public class PersonForm {

    @NotBlank
    @Size(max = 64)
    private String externalId;

    @NotBlank
    @Size(max = 100)
    private String firstName;

    @NotBlank
    @Size(max = 100)
    private String lastName;

    @NotBlank
    @Email
    private String email;

    @NotBlank
    private String title;

    @NotNull
    private RoleType roleType = RoleType.REP;

    private Long teamId;
    private Long managerId;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate employmentStart;

    NewPerson toNewPerson() {
        return new NewPerson(
                externalId,
                firstName,
                lastName,
                email,
                title,
                roleType,
                teamId,
                managerId,
                employmentStart,
                null,
                null);
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String v) {
        externalId = v;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String v) {
        firstName = v;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String v) {
        lastName = v;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String v) {
        email = v;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String v) {
        title = v;
    }

    public RoleType getRoleType() {
        return roleType;
    }

    public void setRoleType(RoleType v) {
        roleType = v;
    }

    public Long getTeamId() {
        return teamId;
    }

    public void setTeamId(Long v) {
        teamId = v;
    }

    public Long getManagerId() {
        return managerId;
    }

    public void setManagerId(Long v) {
        managerId = v;
    }

    public LocalDate getEmploymentStart() {
        return employmentStart;
    }

    public void setEmploymentStart(LocalDate v) {
        employmentStart = v;
    }
}
