package org.attain.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attain.ingest.ImportApiCalls;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * A territories file may list children before their parents: parents named in the same file are written first,
 * whatever the order; a row naming a parent that is neither stored nor in the file is quarantined with its row, the
 * Parent column and the reason, and the others load.
 */
class TerritoryImportOrderTest extends AttainIntegrationTest {

    @Test
    void childrenBeforeParentsLoadAndAnUnknownParentIsNamedOnItsRow() throws IOException {
        WebSession compAdmin = login("compadmin", "demo");
        ImportApiCalls imports = new ImportApiCalls(baseUrl(), compAdmin);
        String n = Long.toString(System.nanoTime() % 1_000_000_000L);
        String csv = """
                Code,Name,Level,Parent,Hierarchy,From,Until
                T%1$s,Sweden Enterprise,TERRITORY,D%1$s,Order %1$s,2026-01-01,
                D%1$s,Sweden,DISTRICT,R%1$s,Order %1$s,2026-01-01,
                X%1$s,Orphan,TERRITORY,NOPE%1$s,Order %1$s,2026-01-01,
                R%1$s,Nordics,REGION,A%1$s,Order %1$s,2026-01-01,
                A%1$s,Northern Europe,AREA,,Order %1$s,2026-01-01,
                """.formatted(n);
        String profile = Files.readString(Path.of("../examples/imports/territories.profile.yaml"));
        ImportApiCalls.Done done = imports.load(profile, "territories.csv", csv);
        assertThat(done.summary()).isEqualTo("accepted=4 rejected=1 unchanged=0");
        assertThat(done.problems())
                .singleElement()
                .asString()
                .isEqualTo("4 | Parent | NOPE" + n + " | the parent NOPE" + n + " of X" + n
                        + " is neither a stored territory nor loaded from this file");
        String tree = compAdmin.get("/territories/export/territories.csv").body();
        assertThat(tree)
                .contains("A" + n + ",Northern Europe,AREA,,Order " + n)
                .contains("R" + n + ",Nordics,REGION,A" + n)
                .contains("D" + n + ",Sweden,DISTRICT,R" + n)
                .contains("T" + n + ",Sweden Enterprise,TERRITORY,D" + n)
                .doesNotContain("X" + n);

        // The example file lists its children first too; a parent one level off is refused on its row.
        String wrongLevel = """
                Code,Name,Level,Parent,Hierarchy,From,Until
                W%1$s,Wrong level,TERRITORY,R%1$s,Order %1$s,2026-01-01,
                """.formatted(n);
        ImportApiCalls.Done refused = imports.load(profile, "wrong.csv", wrongLevel);
        assertThat(refused.problems())
                .singleElement()
                .asString()
                .startsWith("2 | Parent | R" + n + " | the parent R" + n + " is a region");
    }
}
