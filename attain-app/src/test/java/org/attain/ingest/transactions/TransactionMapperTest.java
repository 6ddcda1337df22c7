package org.attain.ingest.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.attain.ingest.Problem;
import org.attain.ingest.lookup.Directory;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.PeopleMatch;
import org.attain.ingest.profiles.ProfileException;
import org.junit.jupiter.api.Test;

/** One CRM row becomes one canonical transaction, or a list of named problems with suggestions. */
class TransactionMapperTest {

    private static final String PROFILE = """
            source: crm
            format: {date: d.M.yyyy, numbers: de}
            columns: {external_id: Deal, close_date: Datum, amount: Betrag, currency: Währung, owner: Verkäufer,
                      status: Phase, splits: Aufteilung}
            values: {status: {Gewonnen: won}}
            people: {match: [employee_id, email, name]}
            """;
    private static final List<String> HEADER =
            List.of("Deal", "Datum", "Betrag", "Währung", "Verkäufer", "Phase", "Aufteilung");

    private final Directory directory = new Directory(
            List.of(
                    new Directory.PersonRef(1, "P00001", "jon.smith@example.com", "Jon Smith"),
                    new Directory.PersonRef(2, "P00002", "ava.jones@example.com", "Ava Jones")),
            List.of(PeopleMatch.EMPLOYEE_ID, PeopleMatch.EMAIL, PeopleMatch.NAME),
            Map.of());
    private final TransactionMapper mapper =
            new TransactionMapper(ImportProfile.parse("de", PROFILE), HEADER, directory, false);

    @Test
    void aGermanRowIsMappedToCanonicalValues() {
        var mapped = mapper.map(2, new String[] {"D-1", "3.7.2026", "1.234,56", "eur", "Jon Smith", "Gewonnen", ""});
        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.row().externalId()).isEqualTo("D-1");
        assertThat(mapped.row().closeDate()).hasToString("2026-07-03");
        assertThat(mapped.row().amount()).isEqualByComparingTo("1234.56");
        assertThat(mapped.row().currency()).isEqualTo("EUR");
        assertThat(mapped.row().ownerId()).isEqualTo(1L);
        assertThat(mapped.row().status()).isEqualTo("won");
        assertThat(mapped.row().kind()).isEqualTo("DEAL");
    }

    @Test
    void anUnknownOwnerGetsTheClosestKnownNameSuggested() {
        var mapped = mapper.map(3, new String[] {"D-2", "3.7.2026", "100,00", "EUR", "Jon Smyth", "", ""});
        assertThat(mapped.problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("Verkäufer");
            assertThat(p.value()).isEqualTo("Jon Smyth");
            assertThat(p.reason()).startsWith("unknown owner 'Jon Smyth'");
            assertThat(p.suggestion()).isEqualTo("Jon Smith (P00001)");
        });
    }

    @Test
    void splitsThatDoNotAddUpToOneAreRejectedWithTheirSum() {
        var mapped = mapper.map(
                4, new String[] {"D-3", "3.7.2026", "100,00", "EUR", "P00001", "", "P00001:60%; P00002:50%"});
        assertThat(mapped.problems())
                .singleElement()
                .extracting(Problem::reason)
                .isEqualTo("split shares add up to 1.10, not 1.00");
        var ok = mapper.map(5, new String[] {
            "D-4", "3.7.2026", "100,00", "EUR", "P00001", "", "P00001:0,5; ava.jones@example.com:0,5"
        });
        assertThat(ok.row().splitsJson())
                .isEqualTo("[{\"person_id\":1,\"share\":0.5},{\"person_id\":2,\"share\":0.5}]");
    }

    @Test
    void everyProblemOfARowIsReportedAtOnce() {
        var mapped = mapper.map(6, new String[] {"", "31.02.2026", "12k", "EURO", "P00001", "", ""});
        assertThat(mapped.problems())
                .extracting(Problem::reason)
                .containsExactly(
                        "missing transaction id",
                        "bad close date '31.02.2026': not a real date in the form d.M.yyyy",
                        "bad amount '12k': not a number like 1.234,56",
                        "unknown currency 'EURO'");
        assertThat(mapped.problems().get(3).suggestion()).isEqualTo("EUR");
    }

    @Test
    void valuesBeyondTheBoundsAreRefusedWithTheirReasonAndMessageKey() {
        var mapped =
                mapper.map(7, new String[] {"D\t5", "1.1.0001", "999.999.999.999.999,9999", "XXX", "P00001", "", ""});
        assertThat(mapped.problems())
                .extracting(Problem::column, Problem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Deal", "ingest.bound.idControl"),
                        org.assertj.core.groups.Tuple.tuple("Datum", "ingest.bound.closeDate"),
                        org.assertj.core.groups.Tuple.tuple("Betrag", "ingest.bound.amountSize"),
                        org.assertj.core.groups.Tuple.tuple("Währung", "ingest.bound.currencyNotInCirculation"));
        assertThat(mapped.problems().get(1).reason())
                .isEqualTo("close date 0001-01-01 is outside 1970-01-01 to 2199-12-31");
        assertThat(mapped.problems().get(2).args()).containsExactly("999999999999999.9999", "1000000000000");
    }

    @Test
    void anIdThatLooksLikeASpreadsheetFormulaWithQuotesAndCommasIsTakenAsItIs() {
        var mapped = mapper.map(
                8, new String[] {"=HYPERLINK(\"http://x\",\"tx\"),y", "3.7.2026", "1.000,00", "USD", "P00001", "", ""});
        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.row().externalId()).isEqualTo("=HYPERLINK(\"http://x\",\"tx\"),y");
    }

    @Test
    void aMappedColumnMissingFromTheFileIsNamedWithTheColumnsThereAre() {
        assertThatThrownBy(() -> new TransactionMapper(
                        ImportProfile.parse("de", PROFILE), List.of("Deal", "Datum"), directory, false))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("'Betrag' (for amount)")
                .hasMessageContaining("its columns are: Deal, Datum");
    }
}
