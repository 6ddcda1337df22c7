package org.attain.demomode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import org.attain.access.Role;
import org.attain.access.UserAccounts;
import org.attain.calendar.Periods;
import org.attain.demo.DemoCompany;
import org.attain.demo.DemoGenerator;
import org.attain.demo.DemoLogins;
import org.attain.demo.DemoParameters;
import org.attain.org.People;
import org.attain.platform.AttainMode;
import org.attain.pulse.PulseBulkLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start: make sure the fiscal calendar covers the history and the year ahead, and in demo mode
 * load the demo company once. A marker row makes a restart on kept data skip the load, so nothing
 * is loaded twice.
 */
@Component
@Order(5)
class DemoStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);
    static final String LOADED_MARKER = "demo.loaded";

    private final AttainMode mode;
    private final Periods periods;
    private final DemoCompanyLoader loader;
    private final DemoCompensation compensation;
    private final UserAccounts users;
    private final People people;
    private final PulseBulkLoad pulse;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long seed;
    private final int size;

    DemoStartup(
            AttainMode mode,
            Periods periods,
            DemoCompanyLoader loader,
            DemoCompensation compensation,
            UserAccounts users,
            People people,
            PulseBulkLoad pulse,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            @Value("${attain.demo.seed:20261126}") long seed,
            @Value("${attain.demo.people:250}") int size) {
        this.mode = mode;
        this.periods = periods;
        this.loader = loader;
        this.compensation = compensation;
        this.users = users;
        this.people = people;
        this.pulse = pulse;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.seed = seed;
        this.size = size;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        Boolean loadedNow = tx.execute(status -> loadOnce());
        if (Boolean.TRUE.equals(loadedNow)) {
            compensation.calculate();
            log.info("Demo company ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Loads the company, logins and compensation set-up in one transaction; false when already there. */
    private boolean loadOnce() {
        LocalDate today = LocalDate.now(clock);
        int fy = periods.calendar().fiscalYearOf(today);
        periods.ensureYears(fy - 3, fy + 1);
        if (!mode.demo()) {
            return false;
        }
        boolean loaded = jdbc.sql("select exists(select 1 from app_setting where key = :k)")
                .param("k", LOADED_MARKER)
                .query(Boolean.class)
                .single();
        if (loaded) {
            log.info("Demo company already loaded; keeping the data as it is");
            return false;
        }
        long started = System.nanoTime();
        DemoCompany company = DemoGenerator.generate(
                DemoParameters.defaults(today).withSeed(seed).withPeople(size));
        var result = loader.load(company);
        createDemoLogins(company.logins());
        compensation.setUp(today);
        int surveyAnswers = pulse.demo(today);
        jdbc.sql("insert into app_setting(key, value) values (:k, :v)")
                .param("k", LOADED_MARKER)
                .param("v", today.toString())
                .update();
        log.info(
                "Demo company loaded: {} people, {} opportunities, {} transactions, {} activities, {} survey answers in {} ms",
                result.people(),
                result.opportunities(),
                result.transactions(),
                result.activities(),
                surveyAnswers,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private void createDemoLogins(DemoLogins logins) {
        create("admin", logins.demoAdmin(), Role.ADMIN);
        create("compadmin", logins.demoCompAdmin(), Role.COMP_ADMIN);
        create("finance", logins.demoFinance(), Role.FINANCE);
        create("manager", logins.demoManager(), Role.MANAGER);
        create("rep", logins.demoRep(), Role.REP);
    }

    private void create(String username, String personExternalId, Role role) {
        Long personId = personExternalId == null
                ? null
                : people.idByExternalId(personExternalId).orElse(null);
        users.create(username, "demo", personId, EnumSet.of(role), "demo-mode");
    }
}
