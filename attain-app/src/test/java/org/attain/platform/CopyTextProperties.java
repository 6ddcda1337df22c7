package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever text a COPY writer is given comes back from PostgreSQL exactly as written: as text, as an
 * element of a text array and inside JSON, several rows to one COPY (so a value never spills into
 * the next field, element or row). Text PostgreSQL cannot hold (NUL, half a surrogate pair) is
 * refused before it reaches the database.
 */
class CopyTextProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static EmbeddedPostgres postgres;
    private static Connection connection;
    private static Path dataDir;

    record Row(String text, List<String> elements, BigDecimal amount) {}

    @BeforeContainer
    static void startPostgres() throws IOException, SQLException {
        dataDir = Files.createTempDirectory("attain-copytext-");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setPort(0)
                .start();
        connection = postgres.getPostgresDatabase().getConnection();
        try (var st = connection.createStatement()) {
            st.execute("create table copy_probe (no int, t text, a text[], j jsonb, d numeric)");
        }
    }

    @AfterContainer
    static void stopPostgres() throws IOException, SQLException {
        connection.close();
        postgres.close();
    }

    @Property(tries = 250)
    void everyValueComesBackAsWritten(@ForAll("rows") @Size(min = 1, max = 4) List<Row> rows) throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute("truncate copy_probe");
        }
        try (CopyText copy = new CopyText(connection, "copy_probe", "no, t, a, j, d")) {
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                copy.row(
                        i,
                        r.text(),
                        r.elements().toArray(),
                        JSON.writeValueAsString(java.util.Map.of("v", r.text())),
                        r.amount());
            }
            assertThat(copy.finish()).isEqualTo(rows.size());
        }
        List<Row> back = new ArrayList<>();
        List<String> fromJson = new ArrayList<>();
        try (var st = connection.createStatement();
                ResultSet rs = st.executeQuery("select t, a, j->>'v', d from copy_probe order by no")) {
            while (rs.next()) {
                back.add(new Row(
                        rs.getString(1), Arrays.asList((String[]) rs.getArray(2).getArray()), rs.getBigDecimal(4)));
                fromJson.add(rs.getString(3));
            }
        }
        assertThat(back).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(back.get(i).text()).isEqualTo(rows.get(i).text());
            assertThat(back.get(i).elements())
                    .containsExactlyElementsOf(rows.get(i).elements());
            assertThat(back.get(i).amount()).isEqualByComparingTo(rows.get(i).amount());
            assertThat(fromJson.get(i)).isEqualTo(rows.get(i).text());
        }
    }

    @Property(tries = 200)
    void textWithNulOrHalfASurrogatePairIsRefusedBeforeTheDatabase(
            @ForAll("storable") String before, @ForAll("unstorable") char bad, @ForAll("storable") String after) {
        String value = before + bad + after;
        assertThatThrownBy(() -> CopyText.append(new StringBuilder(), value))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CopyText.append(new StringBuilder(), new Object[] {value}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void aSpreadsheetFormulaWithQuotesAndACommaStaysOneArrayElement() throws SQLException {
        String id = "=HYPERLINK(\"http://x\",\"tx\"),y";
        List<String> elements = Arrays.asList(id, "NULL", "", null, "{a,b}", "back\\slash");
        try (var st = connection.createStatement()) {
            st.execute("truncate copy_probe");
        }
        try (CopyText copy = new CopyText(connection, "copy_probe", "no, a")) {
            copy.row(1, elements.toArray());
            copy.finish();
        }
        try (var st = connection.createStatement();
                ResultSet rs = st.executeQuery("select a from copy_probe")) {
            rs.next();
            assertThat((String[]) rs.getArray(1).getArray())
                    .containsExactly(id, "NULL", "", null, "{a,b}", "back\\slash");
        }
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals()
                .between(new BigDecimal("-1E15"), new BigDecimal("1E15"))
                .ofScale(4);
        return net.jqwik.api.Combinators.combine(storable(), storable().list().ofMaxSize(5), amounts)
                .as(Row::new)
                .list();
    }

    /** Any text PostgreSQL can hold, weighted towards what COPY and array literals give meaning to. */
    @Provide
    Arbitrary<String> storable() {
        Arbitrary<String> anyChars = Arbitraries.strings()
                .withCharRange('\u0001', '\uD7FF')
                .withCharRange('\uE000', '\uFFFF')
                .ofMaxLength(30);
        Arbitrary<String> meaningful = Arbitraries.of(
                        "\"",
                        "\\",
                        ",",
                        "{",
                        "}",
                        "\t",
                        "\n",
                        "\r",
                        "\r\n",
                        " ",
                        "NULL",
                        "null",
                        "\\N",
                        "\\.",
                        "'",
                        ";",
                        "=",
                        "(",
                        ")",
                        "\u00e9",
                        "\u20ac",
                        "\uD83D\uDE00",
                        "\uD834\uDD1E",
                        "\u0001",
                        "\u007f",
                        "a",
                        "7")
                .list()
                .ofMaxSize(12)
                .map(parts -> String.join("", parts));
        return Arbitraries.oneOf(anyChars, meaningful);
    }

    @Provide
    Arbitrary<Character> unstorable() {
        return Arbitraries.oneOf(Arbitraries.just('\0'), Arbitraries.chars().range('\uD800', '\uDFFF'));
    }
}
