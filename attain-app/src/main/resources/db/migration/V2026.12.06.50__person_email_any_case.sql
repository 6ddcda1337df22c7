-- The API finds people by e-mail in any case (org.PersonRefs): without this, each lookup reads every person.
create index person_email_lower_idx on person (lower(email));
