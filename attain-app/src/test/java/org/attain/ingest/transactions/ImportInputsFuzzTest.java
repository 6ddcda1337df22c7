package org.attain.ingest.transactions;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.ProfileException;

/**
 * Jazzer over what an import reads: the profile's YAML, a CSV file in a profile's encoding, an XLSX file. In a
 * normal test run each method replays its inputs under
 * src/test/resources/org/attain/ingest/transactions/ImportInputsFuzzTestInputs/&lt;method&gt;/;
 * {@code JAZZER_FUZZ=1} with {@code -Dtest=ImportInputsFuzzTest#method} fuzzes one (bench/fuzz.sh).
 */
class ImportInputsFuzzTest {

    private static final String[] ENCODINGS = {"UTF-8", "UTF-16", "ISO-8859-1", "windows-1252"};

    @FuzzTest(maxDuration = "60s")
    void importProfile(FuzzedDataProvider data) {
        String yaml = data.consumeRemainingAsString();
        try {
            ImportProfile.parse("fuzz.yaml", yaml);
        } catch (ProfileException e) {
            if (!e.getMessage().contains("fuzz.yaml")) {
                throw new AssertionError("a refusal that does not name the profile: " + e.getMessage());
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void csvFile(FuzzedDataProvider data) throws IOException {
        String encoding = data.pickValue(ENCODINGS);
        ImportFileProperties.readsOrRefuses(
                data.consumeRemainingAsBytes(),
                ImportProfile.parse("fuzz", ImportFileProperties.profile(encoding, "csv")),
                false);
    }

    @FuzzTest(maxDuration = "60s")
    void xlsxFile(byte[] bytes) throws IOException {
        ImportFileProperties.readsOrRefuses(
                bytes, ImportProfile.parse("fuzz", ImportFileProperties.profile("UTF-8", "xlsx")), true);
    }
}
