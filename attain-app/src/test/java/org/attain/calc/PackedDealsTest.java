package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.attain.engine.calc.Contribution;
import org.attain.engine.calc.TierSlice;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Explained deals come back from their binary form exactly, scale included, in Java and in SQL alike. */
class PackedDealsTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static final List<Contribution> DEALS = List.of(
            deal(
                    "T0004084",
                    "owner",
                    "1.00",
                    "567700.0000",
                    "USD",
                    "58774.000000",
                    List.of(
                            slice(1, "85000.0000", "0.05"),
                            slice(2, "85000.0000", "0.08"),
                            slice(3, "397700.0000", "0.12"))),
            deal(
                    "crm:Ümlaut-Deal 7",
                    "split",
                    "0.333333333333333333333333",
                    "-0.0042",
                    "EUR",
                    "-0.000210",
                    List.of(slice(1, "-0.0042", "0.05"))),
            deal("T1", null, null, null, null, "12345678901234567890.123456789", List.of()),
            deal("T2", "overlay", "1E+2", "100", "CHF", "0", List.of()));

    @Test
    void javaReadsBackEveryValueWithItsScale() {
        byte[] packed = bytes(new PackedDeals().pack(DEALS));
        List<PackedDeals.Deal> read = PackedDeals.unpack(packed, 0, 100);
        assertThat(PackedDeals.count(packed)).isEqualTo(4);
        assertThat(read).hasSize(4);
        for (int i = 0; i < DEALS.size(); i++) {
            Contribution c = DEALS.get(i);
            PackedDeals.Deal d = read.get(i);
            assertThat(d.transaction()).isEqualTo(c.transaction().value());
            assertThat(d.closeDate()).isEqualTo(c.date());
            assertThat(d.rule()).isEqualTo(c.rule());
            assertThat(d.share()).isEqualTo(c.share());
            assertThat(d.credited())
                    .isEqualTo(c.credited() == null ? null : c.credited().amount());
            assertThat(d.amount()).isEqualTo(c.amount());
            assertThat(d.slices()).hasSameSizeAs(c.slices());
        }
        assertThat(read.get(0).slices().get(2))
                .isEqualTo(new PackedDeals.Slice(3, new BigDecimal("397700.0000"), new BigDecimal("0.12"), "", null));
        assertThat(PackedDeals.unpack(packed, 1, 3))
                .extracting(PackedDeals.Deal::transaction)
                .containsExactly("crm:Ümlaut-Deal 7", "T1");
        // The ids alone, skipping every kind of number (null, > 64 bits, slices), are the same ids in order.
        assertThat(PackedDeals.transactionIds(packed))
                .isEqualTo(read.stream().map(PackedDeals.Deal::transaction).toList());
    }

    @Test
    void packsOfOneChunkFollowEachOtherAndEarlierOnesStayValidWhenTheBufferGrows() {
        PackedDeals encoder = new PackedDeals();
        ByteBuffer first = encoder.pack(DEALS);
        byte[] firstAlone = bytes(new PackedDeals().pack(DEALS));
        // ~40 bytes a deal: 4,000 of them outgrow the encoder's first 64 KB array.
        List<Contribution> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.addAll(DEALS);
        }
        ByteBuffer second = encoder.pack(many);
        ByteBuffer third = encoder.pack(DEALS.subList(2, 4));
        assertThat(bytes(first.duplicate())).isEqualTo(firstAlone);
        assertThat(PackedDeals.count(bytes(second.duplicate()))).isEqualTo(4000);
        assertThat(PackedDeals.unpack(bytes(second.duplicate()), 3998, 4000))
                .extracting(PackedDeals.Deal::transaction)
                .containsExactly("T1", "T2");
        assertThat(PackedDeals.transactionIds(bytes(third.duplicate()))).containsExactly("T1", "T2");
    }

    @Test
    void packsCrossingFromOneSegmentToTheNextReadBackWhole() {
        // Segments of 256 KB (below G1's humongous size): lines of 400 deals (~16 KB) fill one after another,
        // and a line of 20,000 deals (~800 KB) gets an array of its own.
        PackedDeals encoder = new PackedDeals();
        List<Contribution> line = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            line.addAll(DEALS);
        }
        byte[] alone = bytes(new PackedDeals().pack(line));
        List<ByteBuffer> packs = new java.util.ArrayList<>();
        for (int n = 0; n < 40; n++) {
            packs.add(encoder.pack(line));
        }
        List<Contribution> huge = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            huge.addAll(line);
        }
        ByteBuffer big = encoder.pack(huge);
        ByteBuffer after = encoder.pack(line);
        assertThat(packs)
                .extracting(b -> bytes(b.duplicate()))
                .allSatisfy(b -> assertThat(b).isEqualTo(alone));
        assertThat(packs.get(0).array())
                .as("forty lines need more than one segment")
                .isNotSameAs(packs.get(39).array());
        assertThat(PackedDeals.count(bytes(big.duplicate()))).isEqualTo(20_000);
        assertThat(bytes(after.duplicate())).isEqualTo(alone);
        assertThat(packs.get(0).array().length).isLessThan(512 * 1024);
    }

    @Test
    void sqlReadsTheSameValuesAsJava() {
        byte[] packed = bytes(new PackedDeals().pack(DEALS));
        List<Map<String, Object>> rows =
                jdbc.sql("""
                select deal_no, transaction_id, close_date, credit_rule, share::text as share, credited::text as credited,
                       currency, amount::text as amount, tiers::text as tiers, tier_bases::text as bases,
                       tier_rates::text as rates
                from explained_deals(:p) order by deal_no""").param("p", packed).query().listOfRows();
        assertThat(rows).hasSize(4);
        for (int i = 0; i < DEALS.size(); i++) {
            Contribution c = DEALS.get(i);
            Map<String, Object> row = rows.get(i);
            assertThat(row.get("transaction_id")).isEqualTo(c.transaction().value());
            assertThat(row.get("credit_rule")).isEqualTo(c.rule());
            assertThat(row.get("share"))
                    .isEqualTo(c.share() == null ? null : c.share().toPlainString());
            assertThat(row.get("amount")).isEqualTo(c.amount().toPlainString());
        }
        assertThat(rows.get(0).get("credited")).isEqualTo("567700.0000");
        assertThat(rows.get(0).get("tiers")).isEqualTo("{1,2,3}");
        assertThat(rows.get(0).get("bases")).isEqualTo("{85000.0000,85000.0000,397700.0000}");
        assertThat(rows.get(0).get("rates")).isEqualTo("{0.05,0.08,0.12}");
        assertThat(rows.get(1).get("credited")).isEqualTo("-0.0042");
        assertThat(rows.get(1).get("currency")).isEqualTo("EUR");
    }

    /** DEALS as the format 1 encoder (runs before migration .131) wrote them, byte for byte. */
    private static final String DEALS_IN_FORMAT_1 =
            "0100000004000600056f776e65720003555344000573706c6974000345555200076f7665726c61790003434846000854303030343038340000509d00000200000000000000640400000001526025400001060000000daf341180000300000001040000000032a9f88002000000000000000500000002040000000032a9f880020000000000000008000000030400000000ed0c344002000000000000000c001263726d3ac39c6d6c6175742d4465616c20370000509d000281001a302e33333333333333333333333333333333333333333333333304ffffffffffffffd6000306ffffffffffffff2e00010000000104ffffffffffffffd6020000000000000005000254310000509dffff8080ffff81001e31323334353637383930313233343536373839302e3132333435363738390000000254320000509d0004fe000000000000000100000000000000006400050000000000000000000000";

    /** DEALS as the format 2 encoder (runs from migration .131 to .132) wrote them, byte for byte. */
    private static final String DEALS_IN_FORMAT_2 =
            "020406056f776e6572035553440573706c697403455552076f7665726c617903434846085430303034303834bbc2020102c80104809581a62a020680c6a0f3b50303020480e2cfaa06020a040480e2cfaa060210060480d1e1d01d02181263726d3ac39c6d6c6175742d4465616c20370103811a302e33333333333333333333333333333333333333333333333304530406a30301020453020a0254310100808000811e31323334353637383930313233343536373839302e313233343536373839000254320105fe0200c80106000000";

    @Test
    void valuesOfEarlierRunsInFormats1And2ReadTheSameInJavaAndSql() {
        byte[] format1 = java.util.HexFormat.of().parseHex(DEALS_IN_FORMAT_1);
        byte[] format2 = java.util.HexFormat.of().parseHex(DEALS_IN_FORMAT_2);
        byte[] format3 = bytes(new PackedDeals().pack(DEALS));
        assertThat(format3[0]).isEqualTo((byte) 3);
        assertThat(format2.length).isLessThan(format1.length);
        assertThat(PackedDeals.unpack(format1, 0, 100)).isEqualTo(PackedDeals.unpack(format2, 0, 100));
        // Format 3 adds fields; those the earlier formats have read the same.
        assertThat(PackedDeals.unpack(format3, 0, 100).stream()
                        .map(PackedDealsTest::formatTwoFields)
                        .toList())
                .isEqualTo(PackedDeals.unpack(format2, 0, 100));
        assertThat(PackedDeals.transactionIds(format1)).isEqualTo(PackedDeals.transactionIds(format3));
        assertThat(PackedDeals.transactionIds(format2)).isEqualTo(PackedDeals.transactionIds(format3));
        assertThat(PackedDeals.count(format1)).isEqualTo(4);
        assertThat(PackedDeals.count(format2)).isEqualTo(4);
        String rows = """
                select string_agg(format('%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s', deal_no, transaction_id, close_date,
                       credit_rule, share, credited, currency, tiers, tier_bases, tier_rates, amount), ';' order by deal_no)
                from explained_deals(:p)""";
        String fromFormat1 =
                jdbc.sql(rows).param("p", format1).query(String.class).single();
        assertThat(fromFormat1).contains("T0004084|2026-07-03|owner|1.00|567700.0000|USD|{1,2,3}");
        assertThat(jdbc.sql(rows).param("p", format2).query(String.class).single())
                .isEqualTo(fromFormat1);
        assertThat(jdbc.sql(rows).param("p", format3).query(String.class).single())
                .isEqualTo(fromFormat1);
    }

    private static PackedDeals.Deal formatTwoFields(PackedDeals.Deal d) {
        return new PackedDeals.Deal(
                d.transaction(),
                d.closeDate(),
                d.rule(),
                d.share(),
                d.credited(),
                d.currency(),
                d.slices().stream()
                        .map(s -> new PackedDeals.Slice(s.tier(), s.base(), s.rate(), null, null))
                        .toList(),
                d.amount(),
                null,
                null,
                null,
                null);
    }

    @Test
    void aTracesDealsComeBackAsTheEngineExplainedThemEveryFieldWithItsScale() {
        List<Contribution> traced = List.of(
                new Contribution(
                        TransactionId.of("T0004084"),
                        LocalDate.of(2026, 7, 3),
                        "owner",
                        PersonId.of("17"),
                        new BigDecimal("1"),
                        Money.of(new BigDecimal("618000.0000"), CurrencyUnit.of("CHF")),
                        new BigDecimal("0.918608414239482200"),
                        Money.of(new BigDecimal("567700.0000"), CurrencyUnit.of("USD")),
                        List.of(
                                new TierSlice(
                                        1,
                                        "0% - 50%: 5%",
                                        new BigDecimal("85000.0000"),
                                        new BigDecimal("0.05"),
                                        new BigDecimal("4250.000000")),
                                new TierSlice(
                                        3,
                                        "above 100%: 12%",
                                        new BigDecimal("397700.0000"),
                                        new BigDecimal("0.12"),
                                        new BigDecimal("47724.000000"))),
                        new BigDecimal("58774.000000")),
                new Contribution(
                        TransactionId.of("crm:Ümlaut-Deal 7"),
                        LocalDate.of(2026, 7, 1),
                        "split",
                        PersonId.of("9"),
                        new BigDecimal("0.333333333333333333333333"),
                        Money.of(new BigDecimal("-0.0126"), CurrencyUnit.of("EUR")),
                        BigDecimal.ONE,
                        Money.of(new BigDecimal("-0.0042"), CurrencyUnit.of("EUR")),
                        List.of(new TierSlice(
                                1,
                                "0% - 50%: 5%",
                                new BigDecimal("-0.0042"),
                                new BigDecimal("0.05"),
                                new BigDecimal("-0.000210"))),
                        new BigDecimal("-0.000210")),
                new Contribution(
                        TransactionId.of("T1"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        new BigDecimal("12345678901234567890.123456789")),
                // Source equal to the credited amount, value and scale (most deals): stored as a mark.
                new Contribution(
                        TransactionId.of("T2"),
                        LocalDate.of(2026, 7, 9),
                        "owner",
                        PersonId.of("17"),
                        BigDecimal.ONE,
                        Money.of(new BigDecimal("1500.0000"), CurrencyUnit.of("EUR")),
                        BigDecimal.ONE,
                        Money.of(new BigDecimal("1500.0000"), CurrencyUnit.of("EUR")),
                        List.of(new TierSlice(
                                2,
                                "50% - 100%: 8%",
                                new BigDecimal("1500.0000"),
                                new BigDecimal("0.08"),
                                new BigDecimal("120.000000"))),
                        new BigDecimal("120.000000")),
                // The same value at another scale is not the same amount: kept as written.
                new Contribution(
                        TransactionId.of("T3"),
                        LocalDate.of(2026, 7, 9),
                        "owner",
                        PersonId.of("17"),
                        BigDecimal.ONE,
                        Money.of(new BigDecimal("1500.00"), CurrencyUnit.of("EUR")),
                        BigDecimal.ONE,
                        Money.of(new BigDecimal("1500.0000"), CurrencyUnit.of("EUR")),
                        List.of(),
                        new BigDecimal("0")));
        byte[] packed = bytes(new PackedDeals().pack(traced));
        assertThat(PackedDeals.contributions(packed, 10)).isEqualTo(traced);
        assertThat(PackedDeals.contributions(packed, 2)).isEqualTo(traced.subList(0, 2));
        assertThat(PackedDeals.contributions(packed, 10)
                        .get(4)
                        .source()
                        .amount()
                        .scale())
                .isEqualTo(2);
        // SQL reads the same columns past every field that only the trace shows.
        assertThat(jdbc.sql("""
                select string_agg(format('%s|%s|%s|%s', transaction_id, credited, tier_bases, amount), ';' order by deal_no)
                from explained_deals(:p)""").param("p", packed).query(String.class).single())
                .isEqualTo("T0004084|567700.0000|{85000.0000,397700.0000}|58774.000000;"
                        + "crm:Ümlaut-Deal 7|-0.0042|{-0.0042}|-0.000210;T1||{}|12345678901234567890.123456789;"
                        + "T2|1500.0000|{1500.0000}|120.000000;T3|1500.0000|{}|0");
        assertThat(new org.attain.engine.calc.Trace(List.of(), PackedDeals.contributions(packed, 2)).toMap())
                .isEqualTo(new org.attain.engine.calc.Trace(List.of(), traced.subList(0, 2)).toMap());
    }

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void binaryCopyStoresSmallAndVeryLargeValuesWhole() throws Exception {
        int[] sizes = {0, 1, 40_000, (1 << 18) - 30, 1 << 18, 3_000_000};
        try (java.sql.Connection c = dataSource.getConnection()) {
            try (var st = c.createStatement()) {
                st.execute("create temp table copy_binary_test (a bigint, b int, c int, d bytea, e text)");
            }
            try (CopyBinary copy = new CopyBinary(c, "copy_binary_test", "a, b, c, d, e")) {
                for (int i = 0; i < sizes.length; i++) {
                    copy.row(i, sizes[i], -i, ByteBuffer.wrap(pattern(sizes[i])), "2026-Q" + i + "-Ü");
                }
                copy.finish();
            }
            try (var st = c.createStatement();
                    var rs = st.executeQuery("select a, b, c, d, e from copy_binary_test order by a")) {
                for (int i = 0; i < sizes.length; i++) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(i);
                    assertThat(rs.getInt(2)).isEqualTo(sizes[i]);
                    assertThat(rs.getInt(3)).isEqualTo(-i);
                    assertThat(rs.getBytes(4)).isEqualTo(pattern(sizes[i]));
                    assertThat(rs.getString(5)).isEqualTo("2026-Q" + i + "-Ü");
                }
                assertThat(rs.next()).isFalse();
            }
            try (var st = c.createStatement()) {
                st.execute("drop table copy_binary_test");
            }
        }
    }

    private static byte[] pattern(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + size);
        }
        return b;
    }

    private static Contribution deal(
            String id,
            String rule,
            String share,
            String credited,
            String currency,
            String amount,
            List<TierSlice> slices) {
        return new Contribution(
                TransactionId.of(id),
                LocalDate.of(2026, 7, 3),
                rule,
                null,
                share == null ? null : new BigDecimal(share),
                null,
                null,
                credited == null ? null : Money.of(new BigDecimal(credited), CurrencyUnit.of(currency)),
                slices,
                new BigDecimal(amount));
    }

    private static TierSlice slice(int tier, String base, String rate) {
        return new TierSlice(tier, "", new BigDecimal(base), new BigDecimal(rate), null);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        return b;
    }
}
