package org.attain.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.attain.engine.model.Person;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people and reporting lines a run uses are kept between runs and read again as soon as anyone
 * changes the org, through a service or plain SQL; a change that rolled back is never kept.
 */
class OrgSnapshotTest extends AttainIntegrationTest {

    @Autowired
    OrgSnapshot org;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private long newPerson(String lastName) {
        String id = "O-" + UUID.randomUUID().toString().substring(0, 8);
        return jdbc.sql("""
                insert into person(external_id, first_name, last_name, email, title, role_type, employment_start)
                values (:id, 'Olga', :last, :email, 'Account Executive', 'REP', date '2026-01-01') returning id""")
                .param("id", id)
                .param("last", lastName)
                .param("email", id.toLowerCase() + "@brightlane.example")
                .query(Long.class)
                .single();
    }

    private Person personOf(OrgSnapshot.Org snapshot, long id) {
        return snapshot.people().stream()
                .filter(p -> p.id().value().equals(Long.toString(id)))
                .findFirst()
                .orElse(null);
    }

    private long managerId() {
        return jdbc.sql("select id from person where role_type = 'MANAGER' order by id limit 1")
                .query(Long.class)
                .single();
    }

    @Test
    void nothingChangedGivesTheSameSnapshotWithoutReadingThePeopleAgain() {
        OrgSnapshot.Org first = org.current();
        assertThat(org.current()).isSameAs(first);
    }

    @Test
    void aPersonAndAReportingLineWrittenWithPlainSqlAreInTheNextSnapshot() {
        org.current();
        long person = newPerson("Sqlova");

        OrgSnapshot.Org afterPerson = org.current();
        assertThat(personOf(afterPerson, person)).isNotNull();

        long manager = managerId();
        jdbc.sql("insert into reporting_line(person_id, manager_id, valid_from) values (:p, :m, date '2026-01-01')")
                .param("p", person)
                .param("m", manager)
                .update();

        OrgSnapshot.Org afterLine = org.current();
        assertThat(afterLine).isNotSameAs(afterPerson);
        assertThat(afterLine.reportsOf().get(manager)).contains(person);
        assertThat(afterLine.reportingLines()).anyMatch(l -> l.person().value().equals(Long.toString(person)));

        jdbc.sql("update person set employment_end = date '2026-06-30' where id = :id")
                .param("id", person)
                .update();
        assertThat(personOf(org.current(), person).employment().last()).hasToString("2026-06-30");
    }

    @Test
    void peopleWrittenStatementByStatementAfterAnAccountInOneTransactionAreAllInTheNextSnapshot() {
        org.current();
        long[] added = new long[2];
        long[] people = new long[2];
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("insert into account(source, external_id, name) values ('org-test', :id, 'Nordlicht GmbH')")
                    .param("id", UUID.randomUUID().toString())
                    .update();
            added[0] = newPerson("First");
            people[0] =
                    jdbc.sql("select people from org_version").query(Long.class).single();
            added[1] = newPerson("Second");
            people[1] =
                    jdbc.sql("select people from org_version").query(Long.class).single();
        });

        // The account did not stand in for the people; the second person did not move the number again
        // (one row version per transaction, not per statement).
        assertThat(people[1]).isEqualTo(people[0]);
        OrgSnapshot.Org after = org.current();
        assertThat(personOf(after, added[0])).isNotNull();
        assertThat(personOf(after, added[1])).isNotNull();
    }

    @Test
    void aPersonSeenInsideATransactionThatRollsBackIsNotKept() {
        long[] inside = new long[1];
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            inside[0] = newPerson("Rollback");
            assertThat(personOf(org.current(), inside[0])).isNotNull();
            tx.setRollbackOnly();
        });

        assertThat(personOf(org.current(), inside[0])).isNull();
    }
}
