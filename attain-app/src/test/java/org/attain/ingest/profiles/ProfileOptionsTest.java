package org.attain.ingest.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The options that fit a profile to a real export: row filters, derived fields, and values YAML itself
 * would change, each refused at load time with the line or key that is wrong.
 */
class ProfileOptionsTest {

    private static final String HEAD = "record: people\nsource: hr\n";

    @Test
    void aFilterKeepsOnlyRowsWhoseCellIsListedIgnoringCaseAndBlanks() {
        ImportProfile p = ImportProfile.parse(
                "p",
                "source: crm\ncolumns: {amount: Amount}\n"
                        + "filter:\n  - {column: Stage, in: [Closed Won, Won]}\n  - {column: Amount, not-in: [\"0\"]}\n");
        RowFilter.Bound bound = new RowFilter.Bound(p.filters(), List.of("Stage", "Amount"));
        assertThat(bound.keeps(new String[] {" closed won ", "10"})).isTrue();
        assertThat(bound.keeps(new String[] {"Won", "0"})).isFalse();
        assertThat(bound.keeps(new String[] {"Prospecting", "10"})).isFalse();
    }

    @Test
    void equalsAndMatchesFiltersTakeOneValueOrAWholeCellPattern() {
        ImportProfile p = ImportProfile.parse(
                "p",
                "source: crm\ncolumns: {amount: Amount}\nfilter:\n"
                        + "  - {column: Country, equals: Germany}\n  - {column: Id, matches: \"006[A-Z]\\\\d+\"}\n");
        RowFilter.Bound bound = new RowFilter.Bound(p.filters(), List.of("Country", "Id"));
        assertThat(bound.keeps(new String[] {"germany", "006a123"})).isTrue();
        assertThat(bound.keeps(new String[] {"germany", "x006A123"})).isFalse();
    }

    @Test
    void aFilterOnAColumnTheFileDoesNotHaveIsRefusedWithTheClosestColumn() {
        ImportProfile p = ImportProfile.parse(
                "p", "source: crm\ncolumns: {amount: Amount}\nfilter: {column: Stagee, in: [Won]}\n");
        assertThatThrownBy(() -> new RowFilter.Bound(p.filters(), List.of("Stage", "Amount")))
                .isInstanceOf(ProfileException.class)
                .hasMessage("a filter names the column 'Stagee' (did you mean 'Stage'?), which the file does not have; "
                        + "its columns are: Stage, Amount");
    }

    @Test
    void aFilterWithoutOneKnownOperationIsRefused() {
        assertThatThrownBy(() -> ImportProfile.parse(
                        "p", "source: crm\ncolumns: {amount: Amount}\nfilter: {column: Stage, is: Won}\n"))
                .hasMessageContaining("filter on Stage: unknown key 'is'");
        assertThatThrownBy(() ->
                        ImportProfile.parse("p", "source: crm\ncolumns: {amount: Amount}\nfilter: {column: Stage}\n"))
                .hasMessageContaining("give exactly one of in, not-in, equals, matches");
        assertThatThrownBy(() -> ImportProfile.parse(
                        "p", "source: crm\ncolumns: {amount: Amount}\nfilter: {column: Id, matches: \"(\"}\n"))
                .hasMessageContaining("is not a regular expression");
    }

    @Test
    void aFullNameIsSplitAtTheLastWordKeepingParticlesAndCommaMeansLastNameFirst() {
        assertThat(split("Anna Maria Schmidt")).containsExactly("Anna Maria", "Schmidt");
        assertThat(split("Schmidt, Anna")).containsExactly("Anna", "Schmidt");
        assertThat(split("Ludwig van Beethoven")).containsExactly("Ludwig", "van Beethoven");
        assertThat(split("  Jörg   Müller ")).containsExactly("Jörg", "Müller");
        assertThat(FullNames.split("Cher").problem())
                .isEqualTo("cannot split 'Cher' into first and last name: it is one word");
    }

    @Test
    void anEmailTemplateWritesUmlautsTheGermanWayAndDropsAccents() {
        ImportProfile p = ImportProfile.parse("p", HEAD + """
                columns:
                  external_id: Id
                  first_name: {first-name-of: Name}
                  last_name: {last-name-of: Name}
                  email: {template: "{first_name}.{last_name}@example.com", lowercase: true, ascii: true}
                  currency: {constant: EUR}
                """);
        DerivedFields d = new DerivedFields(p, List.of("Id", "Name"), index(p, List.of("Id", "Name")));
        String[] row = {"P1", "Jürgen Groß-Érard"};
        assertThat(d.value("first_name", row).text()).isEqualTo("Jürgen");
        assertThat(d.value("email", row).text()).isEqualTo("juergen.gross-erard@example.com");
        assertThat(d.value("email", new String[] {"P2", "Anna Maria Schmidt"}).text())
                .isEqualTo("anna-maria.schmidt@example.com");
        assertThat(d.value("currency", row).text()).isEqualTo("EUR");
        assertThat(d.value("email", new String[] {"P3", "Cher"}).problem())
                .isEqualTo("cannot build email: first_name is empty");
    }

    @Test
    void aTemplateConcatenatesColumnsAndAnObjectBuildsAttributes() {
        ImportProfile p = ImportProfile.parse("p", """
                source: store
                columns:
                  external_id: Row ID
                  owner: {template: "{Region}-{Segment}"}
                  attributes: {object: {segment: "{Segment}", region: "{Region}"}}
                """);
        DerivedFields d = new DerivedFields(
                p, List.of("Row ID", "Region", "Segment"), index(p, List.of("Row ID", "Region", "Segment")));
        String[] row = {"1", "West", "Home \"Office\""};
        assertThat(d.value("owner", row).text()).isEqualTo("West-Home \"Office\"");
        assertThat(d.value("attributes", row).text())
                .isEqualTo("{\"segment\":\"Home \\\"Office\\\"\",\"region\":\"West\"}");
    }

    @Test
    void aTemplateNamingAColumnTheFileDoesNotHaveIsRefusedWithTheClosestColumn() {
        ImportProfile p = ImportProfile.parse("p", "source: s\ncolumns: {owner: {template: \"{Regoin}\"}}\n");
        assertThatThrownBy(() -> new DerivedFields(p, List.of("Region"), Map.of()))
                .isInstanceOf(ProfileException.class)
                .hasMessageStartingWith("the file has no column 'Regoin' (in columns.owner), did you mean 'Region'?");
    }

    @Test
    void unknownOrMixedDerivedFieldSyntaxIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ImportProfile.parse("p", "source: s\ncolumns: {owner: {concat: [A, B]}}\n"))
                .hasMessage(
                        "profile p: columns.owner must hold exactly one of constant, template, first-name-of, last-name-of "
                                + "or object (or be a column name); found concat");
        assertThatThrownBy(() ->
                        ImportProfile.parse("p", "source: s\ncolumns: {owner: {constant: X, template: \"{A}\"}}\n"))
                .hasMessageContaining("found constant and template");
        assertThatThrownBy(() ->
                        ImportProfile.parse("p", "source: s\ncolumns: {owner: {template: \"{A}\", upper: true}}\n"))
                .hasMessageContaining("'upper' does not go with template");
        assertThatThrownBy(() -> ImportProfile.parse("p", "source: s\ncolumns: {owner: {template: plain}}\n"))
                .hasMessageContaining("names no column in braces");
    }

    @Test
    void templatesThatReadEachOtherAreRefused() {
        ImportProfile p = ImportProfile.parse(
                "p", "source: s\ncolumns:\n  owner: {template: \"{kind}\"}\n  kind: {template: \"{owner}\"}\n");
        assertThatThrownBy(() -> new DerivedFields(p, List.of("A"), Map.of()))
                .hasMessage("columns.owner goes round in a circle: owner → kind → owner");
    }

    @Test
    void yamlsOwnConversionsAreRefusedWithTheirLineAndHowToQuote() {
        assertThatThrownBy(() -> ImportProfile.parse(
                        "p",
                        "record: accounts\nsource: crm\ncolumns:\n  external_id: Id\n"
                                + "  name: Name\ndefaults:\n  country: NO\n"))
                .hasMessage("profile p, line 7: country: NO was read as the boolean false; quote it: \"NO\"");
        assertThatThrownBy(() -> ImportProfile.parse(
                        "p", "source: crm\ncolumns: {amount: Amount}\ndefaults:\n  close_date: 2026-01-01\n"))
                .hasMessage(
                        "profile p, line 4: close_date: 2026-01-01 was read as a timestamp; quote it: \"2026-01-01\"");
        assertThatThrownBy(() -> ImportProfile.parse(
                        "p", "source: crm\ncolumns: {amount: Amount}\nvalues:\n  product_code:\n    A: 010\n"))
                .hasMessage("profile p, line 5: A: 010 was read as the number 8; quote it: \"010\"");
        assertThatThrownBy(() -> ImportProfile.parse(
                        "p", "source: crm\ncolumns: {amount: Amount}\nvalues:\n  status:\n    Yes: won\n"))
                .hasMessage("profile p, line 5: the key Yes was read as the boolean true; quote it: \"Yes\"");
        assertThatThrownBy(() -> ImportProfile.parse(
                        "p", "source: crm\ncolumns: {amount: Amount}\ndefaults: {amount: 1.0e+3}\n"))
                .hasMessageContaining("line 3: amount: 1.0e+3 was read as the number 1000.0");
        assertThatThrownBy(() ->
                        ImportProfile.parse("p", "source: crm\ncolumns: {amount: Amount}\ndefaults: {amount: ._}\n"))
                .hasMessage("profile p, line 3: amount: ._ cannot be read by YAML as written; quote it: \"._\"");
        assertThatThrownBy(() ->
                        ImportProfile.parse("p", "source: crm\nformat: {header: ._}\ncolumns: {amount: Amount}\n"))
                .hasMessage("profile p, line 2: header: ._ cannot be read by YAML as written; quote it: \"._\"");
    }

    @Test
    void valuesThatReadBackAsWrittenAndQuotedOnesAreFine() {
        ImportProfile p = ImportProfile.parse(
                "p",
                "source: crm\nformat: {header: yes}\ncolumns: {amount: Amount}\n"
                        + "defaults: {term_months: 12, product_code: \"NO\"}\nvalues:\n  status: {\"Yes\": won}\n");
        assertThat(p.format().header()).isTrue();
        assertThat(p.defaults()).containsEntry("term_months", "12");
    }

    @Test
    void aFixedValueThatIsNotOfItsFieldsTypeIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ImportProfile.parse(
                        "p", "source: crm\ncolumns:\n  amount: Amount\n  currency: {constant: EURO}\n"))
                .hasMessage("profile p, line 4: constant of currency: 'EURO' is not an ISO currency code such as USD");
        assertThatThrownBy(() ->
                        ImportProfile.parse("p", HEAD + "columns: {external_id: Id}\ndefaults:\n  role_type: Boss\n"))
                .hasMessageContaining(
                        "line 5: defaults role_type: 'Boss' is not one of REP, SDR, OVERLAY, MANAGER, ADMIN");
        assertThatThrownBy(() -> ImportProfile.parse(
                        "p",
                        "record: accounts\nsource: crm\ncolumns: {external_id: Id}\n"
                                + "defaults: {country: Atlantis}\n"))
                .hasMessageContaining("'Atlantis' is not a country");
    }

    @Test
    void countriesAreKnownByCodeAndByEnglishOrGermanNameIgnoringCaseAndAccents() {
        assertThat(Countries.code("Germany")).isEqualTo("DE");
        assertThat(Countries.code("deutschland")).isEqualTo("DE");
        assertThat(Countries.code("United States")).isEqualTo("US");
        assertThat(Countries.code("Vereinigte Staaten")).isEqualTo("US");
        assertThat(Countries.code("U.S.A.")).isEqualTo("US");
        assertThat(Countries.code("Österreich")).isEqualTo("AT");
        assertThat(Countries.code("Oesterreich")).isEqualTo("AT");
        assertThat(Countries.code("Türkei")).isEqualTo("TR");
        assertThat(Countries.code("Côte d’Ivoire")).isEqualTo("CI");
        assertThat(Countries.code("de")).isEqualTo("DE");
        assertThat(Countries.code("UK")).isEqualTo("GB");
        assertThat(Countries.code("Atlantis")).isNull();
        assertThat(Countries.closest("Germani")).isEqualTo("Germany");
    }

    @Test
    void existingProfilesWithoutTheNewOptionsReadAsBefore() throws Exception {
        ImportProfile p = ImportProfile.parse(
                "crm",
                java.nio.file.Files.readString(
                        java.nio.file.Path.of("../examples/imports/crm-transactions.profile.yaml")));
        assertThat(p.derived()).isEmpty();
        assertThat(p.filters()).isEmpty();
        assertThat(p.columns()).containsEntry("status", "Stage");
    }

    private static List<String> split(String name) {
        FullNames.Split s = FullNames.split(name);
        return List.of(s.first(), s.last());
    }

    private static Map<String, Integer> index(ImportProfile p, List<String> header) {
        Map<String, Integer> index = new HashMap<>();
        Columns.locate(p.columns(), header, index);
        return index;
    }
}
