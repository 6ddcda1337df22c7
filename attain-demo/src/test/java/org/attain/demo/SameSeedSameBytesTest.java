package org.attain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SameSeedSameBytesTest {

    private static final List<String> FILES = List.of(
            "regions.csv",
            "teams.csv",
            "people.csv",
            "reporting_lines.csv",
            "team_memberships.csv",
            "accounts.csv",
            "products.csv",
            "opportunities.csv",
            "transactions.csv",
            "activities.csv");

    @TempDir
    Path temp;

    @Test
    void generatingTheDefaultCompanyTwiceWritesIdenticalFiles() throws IOException {
        DemoParameters parameters = DemoParameters.defaults(DemoFixtures.AS_OF);
        DemoCsvWriter.write(DemoGenerator.generate(parameters), temp.resolve("first"));
        DemoCsvWriter.write(DemoGenerator.generate(parameters), temp.resolve("second"));

        for (String file : FILES) {
            assertThat(Files.readAllBytes(temp.resolve("second").resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(temp.resolve("first").resolve(file)));
        }
    }

    @Test
    void aDifferentSeedGivesADifferentCompany() {
        DemoParameters parameters = DemoParameters.defaults(DemoFixtures.AS_OF);
        DemoCompany one = DemoGenerator.generate(parameters);
        DemoCompany other = DemoGenerator.generate(parameters.withSeed(7));

        assertThat(other.people()).isNotEqualTo(one.people());
    }

    @Test
    void eachStreamRepeatsItselfAndMatchesTheSinglePass() {
        DemoCompany company = DemoFixtures.defaultCompany();
        List<SalesTransaction> onePass = new java.util.ArrayList<>();
        company.streamHistory(new DemoSink() {
            @Override
            public void transaction(SalesTransaction transaction) {
                onePass.add(transaction);
            }
        });

        assertThat(DemoFixtures.transactions(company)).isEqualTo(onePass);
    }
}
