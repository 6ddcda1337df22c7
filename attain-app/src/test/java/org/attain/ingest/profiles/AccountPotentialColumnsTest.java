package org.attain.ingest.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An accounts file's potential columns are recognised by their English and German names. */
class AccountPotentialColumnsTest {

    @Test
    void potentialAndItsCurrencyAreFoundUnderEnglishAndGermanHeaders() {
        String english = ProfileSuggestion.yaml(
                "accounts",
                "accounts.csv",
                ',',
                List.of("Account ID", "Account Name", "Account Potential", "Potential Currency"),
                List.<String[]>of(new String[] {"A1", "Nordlicht", "120000", "EUR"}),
                Map.of());
        assertThat(english)
                .contains("potential: \"Account Potential\"")
                .contains("potential_currency: \"Potential Currency\"");

        String german = ProfileSuggestion.yaml(
                "accounts",
                "kunden.csv",
                ';',
                List.of("Kundennummer", "Kunde", "Umsatzpotenzial", "Potenzialwährung"),
                List.<String[]>of(new String[] {"A1", "Nordlicht", "120000", "EUR"}),
                Map.of());
        assertThat(german)
                .contains("potential: \"Umsatzpotenzial\"")
                .contains("potential_currency: \"Potenzialwährung\"");
    }
}
