package org.attain.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** A huge cell is cut while the file is read; everything around it reads exactly as without the cut. */
class CellLimitReaderTest {

    private static List<List<String>> parse(String csv, boolean limited) throws IOException {
        var reader = limited ? new CellLimitReader(new StringReader(csv), ',') : new StringReader(csv);
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
            for (CSVRecord r : parser) {
                rows.add(List.of(r.values()));
            }
        }
        return rows;
    }

    @Test
    void cellsOfNormalSizeWithQuotesDelimitersAndLineBreaksReadExactlyAsWithoutTheReader() throws IOException {
        String csv = "id,name,note\r\n\"=HYPERLINK(\"\"http://x\"\",\"\"tx\"\"),y\",\"a,b\",\"line 1\nline 2\"\n"
                + "2,plain,\"\"\"\"\n3,,\"ends with quote\"\"\"\n4,x\"y,z\n\"last\"";
        assertThat(parse(csv, true)).isEqualTo(parse(csv, false));
        assertThat(parse(csv, true).get(1).get(0)).isEqualTo("=HYPERLINK(\"http://x\",\"tx\"),y");
    }

    @Test
    void aHugeQuotedOrPlainCellIsCutToOneCharacterMoreThanACellMayHoldAndTheNextRowsAreIntact() throws IOException {
        String huge =
                "x,\"\"y\"\"\n".repeat(200_000); // 1.6 million characters of delimiters, escaped quotes and line breaks
        String csv = "id,note,amount\n1,\"" + huge + "\",10\n2," + "z".repeat(100_000) + ",20\n3,ok,30\n";
        List<List<String>> rows = parse(csv, true);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get(1)).hasSize(Cells.MAX_LENGTH + 1).startsWith("x,\"y\"\n");
        assertThat(rows.get(1).get(2)).isEqualTo("10");
        assertThat(rows.get(2).get(1)).hasSize(Cells.MAX_LENGTH + 1);
        assertThat(rows.get(2).get(2)).isEqualTo("20");
        assertThat(rows.get(3)).containsExactly("3", "ok", "30");
    }

    @Test
    void aQuoteAtTheVeryEndOfTheFileClosesItsCell() throws IOException {
        assertThat(parse("a,\"b\"", true)).containsExactly(List.of("a", "b"));
        assertThat(parse("a,\"" + "b".repeat(40_000) + "\"", true).get(0).get(1))
                .hasSize(Cells.MAX_LENGTH + 1);
    }
}
