package org.attain.ingest.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.attain.ingest.Problem;
import org.attain.ingest.files.CsvRows;
import org.attain.ingest.files.RowSource;
import org.attain.ingest.files.UnreadableFileException;
import org.attain.ingest.files.XlsxRows;
import org.attain.ingest.lookup.Directory;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.PeopleMatch;

/**
 * A CSV or XLSX file of deals with good and bad rows mixed, in any encoding the profile names, with or without
 * a BOM: every good row is mapped exactly as written (names that look like formulas or markup are kept as text),
 * every bad row comes back with problems naming its column and reason, and the file as a whole is either read
 * or refused with {@link UnreadableFileException} saying where. Nothing else is ever thrown.
 */
class ImportFileProperties {

    static final List<String> HEADER = List.of("Deal", "Name", "Close", "Amount", "Currency", "Owner");
    static final Directory DIRECTORY = new Directory(
            List.of(
                    new Directory.PersonRef(1, "P00001", "jon.smith@example.com", "Jon Smith"),
                    new Directory.PersonRef(2, "P00002", "ava.jones@example.com", "Ava Jones")),
            List.of(PeopleMatch.EMPLOYEE_ID, PeopleMatch.EMAIL, PeopleMatch.NAME),
            Map.of());
    /** Text that a spreadsheet would run or a page would render, had nobody neutralised it. */
    static final List<String> INJECTIONS = List.of(
            "=HYPERLINK(\"http://x\",\"tx\")",
            "+1+1",
            "-2+3",
            "@SUM(A1:A2)",
            "=cmd|' /C calc'!A0",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "' onmouseover='alert(1)",
            "Ünïcødé € ß \ud83d\ude00",
            "a,b;c\td");

    record Deal(String id, String name, String close, String amount, String currency, String owner, boolean good) {
        List<String> cells() {
            return List.of(id, name, close, amount, currency, owner);
        }
    }

    static String profile(String encoding, String type) {
        return """
                source: fuzz
                format: {type: %s, encoding: %s, date: yyyy-MM-dd, numbers: en}
                columns: {external_id: Deal, close_date: Close, amount: Amount, currency: Currency, owner: Owner}
                people: {match: [employee_id, email, name]}
                """.formatted(type, encoding);
    }

    @Property(tries = 150)
    void everyGoodCsvRowIsKeptAndEveryBadRowNamed(
            @ForAll("deals") @Size(min = 1, max = 30) List<Deal> deals,
            @ForAll("encodings") String encoding,
            @ForAll boolean bom)
            throws IOException {
        Path file = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(file, csv(deals, Charset.forName(encoding), bom));
            ImportProfile profile = ImportProfile.parse("fuzz", profile(encoding, "csv"));
            assertKeptAndNamed(deals, read(new CsvRows(file, profile.format()), profile));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 40)
    void everyGoodXlsxRowIsKeptAndEveryBadRowNamed(@ForAll("deals") @Size(min = 1, max = 30) List<Deal> deals)
            throws IOException {
        Path file = Files.createTempFile("fuzz", ".xlsx");
        try {
            Files.write(file, xlsx(deals));
            ImportProfile profile = ImportProfile.parse("fuzz", profile("UTF-8", "xlsx"));
            assertKeptAndNamed(deals, read(new XlsxRows(file, profile.format()), profile));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 200)
    void anyBytesAsCsvAreReadOrRefusedWithTheReason(
            @ForAll("csvBytes") byte[] bytes, @ForAll("encodings") String encoding) throws IOException {
        readsOrRefuses(bytes, ImportProfile.parse("fuzz", profile(encoding, "csv")), false);
    }

    @Property(tries = 60)
    void anyBytesAsXlsxAreReadOrRefusedWithTheReason(@ForAll("xlsxBytes") byte[] bytes) throws IOException {
        readsOrRefuses(bytes, ImportProfile.parse("fuzz", profile("UTF-8", "xlsx")), true);
    }

    @Example
    void aWorkbookThatIsNotOneIsRefusedWithTheReason() throws IOException {
        for (byte[] bytes : List.of(
                new byte[0],
                "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1),
                csv(
                        List.of(new Deal("D1", "n", "2026-01-01", "1", "USD", "P00001", true)),
                        StandardCharsets.UTF_8,
                        false))) {
            readsOrRefuses(bytes, ImportProfile.parse("fuzz", profile("UTF-8", "xlsx")), true);
        }
    }

    /** Reads the file; a refusal must say why, a read file maps every row to a row or its problems. */
    static void readsOrRefuses(byte[] bytes, ImportProfile profile, boolean xlsx) throws IOException {
        Path file = Files.createTempFile("fuzz", xlsx ? ".xlsx" : ".csv");
        try {
            Files.write(file, bytes);
            RowSource source = xlsx ? new XlsxRows(file, profile.format()) : new CsvRows(file, profile.format());
            try {
                read(source, profile);
            } catch (UnreadableFileException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\tat ");
            } catch (org.attain.ingest.profiles.ProfileException e) {
                assertThat(e.getMessage()).contains("column");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static Map<Long, TransactionMapper.Mapped> read(RowSource source, ImportProfile profile) throws IOException {
        Map<Long, TransactionMapper.Mapped> out = new LinkedHashMap<>();
        source.read(new RowSource.Handler() {
            TransactionMapper mapper;

            @Override
            public void header(List<String> names) {
                mapper = new TransactionMapper(profile, names, DIRECTORY, source.typedCells());
            }

            @Override
            public void row(long number, String[] cells) {
                out.put(number, mapper.map(number, cells));
            }
        });
        return out;
    }

    private static void assertKeptAndNamed(List<Deal> deals, Map<Long, TransactionMapper.Mapped> mapped) {
        assertThat(mapped).hasSameSizeAs(deals);
        for (int i = 0; i < deals.size(); i++) {
            Deal deal = deals.get(i);
            TransactionMapper.Mapped m = mapped.get(i + 2L);
            assertThat(m).as("row %d", i + 2).isNotNull();
            if (deal.good()) {
                assertThat(m.problems()).as("good row %d: %s", i + 2, deal).isEmpty();
                assertThat(m.row().externalId()).isEqualTo(deal.id());
                assertThat(m.row().amount()).isEqualByComparingTo(deal.amount());
            } else {
                assertThat(m.problems()).as("bad row %d: %s", i + 2, deal).isNotEmpty();
                for (Problem p : m.problems()) {
                    assertThat(HEADER).as("%s names a column of the file", p).contains(p.column());
                    assertThat(p.reason()).isNotBlank().doesNotContain("Exception");
                }
            }
        }
    }

    static byte[] csv(List<Deal> deals, Charset charset, boolean bom) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var writer = new OutputStreamWriter(bytes, charset);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            if (bom && charset.name().startsWith("UTF")) {
                writer.write('\uFEFF');
            }
            printer.printRecord(HEADER);
            for (Deal d : deals) {
                printer.printRecord(d.cells());
            }
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(List<Deal> deals) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook()) {
            var sheet = book.createSheet("Deals");
            List<List<String>> rows = new ArrayList<>();
            rows.add(HEADER);
            deals.forEach(d -> rows.add(d.cells()));
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    @Provide
    Arbitrary<String> encodings() {
        return Arbitraries.of("UTF-8", "UTF-16", "UTF-16LE", "ISO-8859-1", "windows-1252");
    }

    @Provide
    Arbitrary<List<Deal>> deals() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of(INJECTIONS),
                Arbitraries.strings().alpha().numeric().withChars(" -'&").ofMaxLength(40));
        Arbitrary<Deal> good = Combinators.combine(
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
                        names,
                        Arbitraries.integers().between(1, 28).map(d -> "2026-03-%02d".formatted(d)),
                        Arbitraries.bigDecimals()
                                .between(java.math.BigDecimal.ZERO, new java.math.BigDecimal("99999999.99"))
                                .ofScale(2),
                        Arbitraries.of("USD", "EUR", "usd"),
                        Arbitraries.of("P00001", "ava.jones@example.com", "Jon Smith"))
                .as((id, name, close, amount, currency, owner) ->
                        new Deal("=" + id, name, close, amount.toPlainString(), currency, owner, true));
        Arbitrary<Deal> bad = Combinators.combine(good, Arbitraries.integers().between(0, 9))
                .as((d, how) -> switch (how) {
                    case 0 -> new Deal(d.id(), d.name(), "2026-02-31", d.amount(), d.currency(), d.owner(), false);
                    case 1 -> new Deal(d.id(), d.name(), d.close(), "12k", d.currency(), d.owner(), false);
                    case 2 -> new Deal(d.id(), d.name(), d.close(), "1e400", d.currency(), d.owner(), false);
                    case 3 -> new Deal(d.id(), d.name(), d.close(), d.amount(), "XXX", d.owner(), false);
                    case 4 -> new Deal(d.id(), d.name(), d.close(), d.amount(), d.currency(), "Nobody Known", false);
                    case 5 -> new Deal("", d.name(), d.close(), d.amount(), d.currency(), d.owner(), false);
                    case 6 ->
                        new Deal("x".repeat(300), d.name(), d.close(), d.amount(), d.currency(), d.owner(), false);
                    case 7 -> new Deal(d.id() + "\tx", d.name(), d.close(), d.amount(), d.currency(), d.owner(), false);
                    case 8 -> new Deal(d.id(), d.name(), "20266-01-01", d.amount(), d.currency(), d.owner(), false);
                    default ->
                        new Deal(d.id(), d.name(), d.close(), "999999999999999.9999", d.currency(), d.owner(), false);
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, good), net.jqwik.api.Tuple.of(2, bad))
                .list();
    }

    @Provide
    Arbitrary<byte[]> csvBytes() {
        Arbitrary<byte[]> damaged = Combinators.combine(deals().list().ofMaxSize(1), Arbitraries.longs())
                .as((lists, seed) -> {
                    try {
                        byte[] b = csv(lists.isEmpty() ? List.of() : lists.get(0), StandardCharsets.UTF_8, false);
                        java.util.Random random = new java.util.Random(seed);
                        for (int i = 0; i < 1 + random.nextInt(8) && b.length > 0; i++) {
                            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                        }
                        return b;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return Arbitraries.oneOf(
                damaged, Arbitraries.bytes().array(byte[].class).ofMaxSize(500));
    }

    @Provide
    Arbitrary<byte[]> xlsxBytes() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 2))
                .as((seed, how) -> {
                    try {
                        byte[] b = xlsx(List.of(new Deal("D1", "n", "2026-01-01", "1", "USD", "P00001", true)));
                        java.util.Random random = new java.util.Random(seed);
                        return switch (how) {
                            case 0 -> java.util.Arrays.copyOf(b, random.nextInt(b.length));
                            case 1 -> {
                                for (int i = 0; i < 1 + random.nextInt(20); i++) {
                                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                                }
                                yield b;
                            }
                            default -> {
                                byte[] noise = new byte[random.nextInt(2000)];
                                random.nextBytes(noise);
                                yield noise;
                            }
                        };
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
