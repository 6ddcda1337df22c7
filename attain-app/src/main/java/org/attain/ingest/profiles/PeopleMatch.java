package org.attain.ingest.profiles;

/** How a file names a person: employee id (person.external_id), e-mail address or full name. */
public enum PeopleMatch {
    EMPLOYEE_ID,
    EMAIL,
    NAME
}
