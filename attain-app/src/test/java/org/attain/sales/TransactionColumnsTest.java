package org.attain.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.engine.credit.CreditIndex;
import org.attain.engine.model.Transaction;
import org.attain.engine.time.DateRange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The column store on its own, without Spring or a database: rows arrive as the change feed hands them
 * over, and reading gives back the engine's transactions, each owner's in credit order.
 */
class TransactionColumnsTest {

    private static final DateRange EVER = new DateRange(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31));
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private final TransactionColumns columns =
            new TransactionColumns(JsonMapper.builder().build());

    @Test
    void appendedRowsAreReadBackWithEveryValue() {
        columns.account(7, TransactionValues.accountAttributes(7, "Retail", "DE", null, "north"));
        int slot = columns.admit(1, "DEAL");
        columns.fill(
                slot,
                "crm",
                "D-1",
                11,
                "[{\"person_id\": 12, \"share\": \"0.25\", \"overlay\": true}]",
                DAY,
                new BigDecimal("1234.5600"),
                "EUR",
                "won",
                "NEW_LOGO",
                "X1",
                7,
                "{\"margin\": 0.25, \"hint\": \"a\"}",
                24);
        columns.settle(1, false);

        assertThat(columns.read(null, EVER)).singleElement().satisfies(t -> {
            assertThat(t.id().value()).isEqualTo("crm:D-1");
            assertThat(t.owner().value()).isEqualTo("11");
            assertThat(t.splits()).singleElement().satisfies(s -> {
                assertThat(s.person().value()).isEqualTo("12");
                assertThat(s.share()).isEqualByComparingTo("0.25");
            });
            assertThat(t.closeDate()).isEqualTo(DAY);
            assertThat(t.amount().amount()).isEqualTo(new BigDecimal("1234.5600"));
            assertThat(t.amount().currency().code()).isEqualTo("EUR");
            assertThat(t.type()).isEqualTo("NEW_LOGO");
            assertThat(t.product()).isEqualTo("X1");
            assertThat(t.account())
                    .isEqualTo(Map.of("id", 7L, "industry", "Retail", "country", "DE", "region", "north"));
            assertThat(t.attributes())
                    .containsEntry("margin", new BigDecimal("0.25"))
                    .containsEntry("hint", "a")
                    .containsEntry("term_months", 24L);
        });
        assertThat(columns.read(Set.of(12L), EVER))
                .as("the split partner sees the shared deal")
                .hasSize(1);
    }

    @Test
    void anAmountBeyondTheColumnsScaleStaysExact() {
        put(1, "attain", "BIG", 11, DAY, "12345678901234567.1234");
        put(2, "attain", "FINE", 11, DAY, "0.12345");
        columns.settle(2, false);

        assertThat(columns.read(null, EVER))
                .extracting(t -> t.amount().amount())
                .containsExactly(new BigDecimal("12345678901234567.1234"), new BigDecimal("0.12345"));
    }

    @Test
    void anUpdatedRowReplacesItsValuesAndMovesToItsNewOwner() {
        put(1, "crm", "D-1", 11, DAY, "10.0000");
        put(2, "crm", "D-2", 11, DAY, "20.0000");
        columns.settle(2, false);

        put(1, "crm", "D-1", 12, DAY.plusDays(1), "15.0000");
        columns.settle(1, true);

        assertThat(columns.size()).as("updated in place, not appended").isEqualTo(2);
        assertThat(columns.read(Set.of(11L), EVER))
                .extracting(t -> t.id().value())
                .containsExactly("crm:D-2");
        assertThat(columns.read(Set.of(12L), EVER)).singleElement().satisfies(t -> {
            assertThat(t.amount().amount()).isEqualTo(new BigDecimal("15.0000"));
            assertThat(t.closeDate()).isEqualTo(DAY.plusDays(1));
        });
    }

    @Test
    void removedRowsAndCancellationsAreNoLongerRead() {
        put(1, "crm", "D-1", 11, DAY, "10.0000");
        put(2, "crm", "D-2", 11, DAY, "20.0000");
        put(3, "crm", "D-3", 11, DAY, "30.0000");
        columns.settle(3, false);

        columns.remove(2);
        assertThat(columns.admit(3, "CANCELLATION"))
                .as("a cancellation is not filled in")
                .isEqualTo(-1);
        assertThat(columns.admit(4, "INVOICE_PAYMENT"))
                .as("nor is a new invoice payment kept")
                .isEqualTo(-1);
        columns.settle(1, true);

        assertThat(columns.read(null, EVER)).extracting(t -> t.id().value()).containsExactly("crm:D-1");
        assertThat(columns.read(Set.of(11L), EVER))
                .extracting(t -> t.id().value())
                .containsExactly("crm:D-1");

        columns.truncate();
        columns.settle(0, true);
        assertThat(columns.read(null, EVER)).isEmpty();
    }

    @Test
    void transactionsComeInCreditOrderWhateverOrderTheyArrivedIn() {
        put(1, "attain", "T0000010", 11, DAY, "1.0000");
        put(2, "attain", "T0000009", 11, DAY, "1.0000");
        put(3, "attain", "T0000100", 11, DAY.minusDays(1), "1.0000");
        put(4, "attain", "odd-id", 12, DAY, "1.0000");
        put(5, "attain", "T9", 12, DAY, "1.0000");
        put(6, "crm", "T0000001", 11, DAY.plusDays(2), "1.0000");
        columns.settle(6, false);

        List<Transaction> all = columns.read(null, EVER);
        assertThat(all).isSortedAccordingTo(CreditIndex.CREDIT_ORDER);
        assertThat(all)
                .extracting(t -> t.id().value())
                .containsExactly("T0000100", "T0000009", "T0000010", "T9", "odd-id", "crm:T0000001");
        assertThat(columns.read(Set.of(11L, 12L), EVER)).containsExactlyElementsOf(all);
        assertThat(columns.read(Set.of(11L), new DateRange(DAY, DAY)))
                .extracting(t -> t.id().value())
                .containsExactly("T0000009", "T0000010");
    }

    @Test
    void aReachOfManyThousandDealsIsReadWholeInCreditOrder() {
        // More rows than one block of a read (4,096): read in blocks, not one array of half a G1 region or more.
        for (int i = 1; i <= 10_000; i++) {
            put(i, "attain", String.format("T%05d", i), 10 + i % 2, DAY.minusDays(i % 500), i + ".0000");
        }
        columns.settle(10_000, false);
        List<Transaction> both = columns.read(Set.of(10L, 11L), EVER);
        assertThat(both).hasSize(10_000).isSortedAccordingTo(CreditIndex.CREDIT_ORDER);
        assertThat(both).extracting(t -> t.id().value()).doesNotHaveDuplicates();
        assertThat(both)
                .filteredOn(t -> t.id().value().equals("T09999"))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.amount().amount()).isEqualTo(new BigDecimal("9999.0000"));
                    assertThat(t.owner().value()).isEqualTo("11");
                    assertThat(t.closeDate()).isEqualTo(DAY.minusDays(9999 % 500));
                });
    }

    @Test
    void regroupsByOwnerAndFindsEveryRowByIdAfterwards() {
        // The first fill is grouped at once: each owner's rows in credit order, neighbours in the columns.
        for (int i = 1; i <= 40; i++) {
            put(i, "attain", String.format("T%04d", i), 10 + i % 3, DAY.plusDays(40 - i), "1.0000");
        }
        columns.settle(40, false);
        assertThat(columns.groupedRows()).isEqualTo(40);

        columns.remove(5);
        columns.remove(6);
        // Thirteen more (a quarter of the 53 held) do not regroup yet; a fourteenth does, dropping the removed rows.
        for (int i = 41; i <= 53; i++) {
            put(i, "attain", String.format("T%04d", i), 10 + i % 3, DAY.minusDays(i), "1.0000");
        }
        columns.settle(13, true);
        assertThat(columns.groupedRows()).as("not yet regrouped").isEqualTo(40);
        put(54, "attain", "T0054", 10, DAY.minusDays(54), "1.0000");
        columns.settle(1, true);
        assertThat(columns.groupedRows())
                .as("regrouped without the two removed rows")
                .isEqualTo(52);
        assertThat(columns.size()).isEqualTo(52);

        // Every row is still found by its id: an update changes it in place and a removal takes it out.
        put(41, "attain", "T0041", 10, DAY, "2.0000");
        columns.remove(7);
        columns.settle(1, true);
        assertThat(columns.size()).isEqualTo(52);
        List<Transaction> all = columns.read(null, EVER);
        assertThat(all).hasSize(51).isSortedAccordingTo(CreditIndex.CREDIT_ORDER);
        assertThat(all).extracting(t -> t.id().value()).doesNotContain("T0005", "T0006", "T0007");
        for (long owner = 10; owner <= 12; owner++) {
            String expected = Long.toString(owner);
            assertThat(columns.read(Set.of(owner), EVER))
                    .isNotEmpty()
                    .isSortedAccordingTo(CreditIndex.CREDIT_ORDER)
                    .allSatisfy(t -> assertThat(t.owner().value()).isEqualTo(expected));
        }
        assertThat(columns.read(Set.of(10L), EVER))
                .filteredOn(t -> t.id().value().equals("T0041"))
                .singleElement()
                .satisfies(t -> assertThat(t.amount().amount()).isEqualTo(new BigDecimal("2.0000")));
    }

    @Test
    void idsThatArriveOutOfOrderAreFoundAgain() {
        put(1, "attain", "A", 11, DAY, "1.0000");
        put(2, "attain", "B", 11, DAY, "1.0000");
        columns.settle(2, false);
        // A writer that took an id earlier committed later: its row arrives after a higher id.
        put(9, "attain", "C", 11, DAY, "1.0000");
        put(5, "attain", "D", 11, DAY, "1.0000");
        columns.settle(2, true);

        put(5, "attain", "D", 11, DAY, "3.0000");
        put(9, "attain", "C", 11, DAY, "4.0000");
        columns.remove(2);
        columns.settle(2, true);

        assertThat(columns.size()).as("no id appended twice").isEqualTo(4);
        assertThat(columns.read(null, EVER))
                .extracting(t -> t.id().value() + "=" + t.amount().amount().toPlainString())
                .containsExactly("A=1.0000", "C=4.0000", "D=3.0000");
    }

    @Test
    void aChangedAccountReachesTheTransactionsAlreadyHeld() {
        columns.account(7, TransactionValues.accountAttributes(7, "Retail", null, null, null));
        int slot = columns.admit(1, "DEAL");
        columns.fill(
                slot, "crm", "D-1", 11, null, DAY, new BigDecimal("1.0000"), "EUR", "won", null, null, 7, null, null);
        columns.settle(1, false);

        columns.account(7, TransactionValues.accountAttributes(7, "Energy", null, null, null));
        columns.settle(0, true);

        assertThat(columns.read(null, EVER))
                .singleElement()
                .satisfies(t -> assertThat(t.account()).isEqualTo(Map.of("id", 7L, "industry", "Energy")));
    }

    private void put(long id, String source, String external, long owner, LocalDate day, String amount) {
        int slot = columns.admit(id, "DEAL");
        columns.fill(
                slot,
                source,
                external,
                owner,
                null,
                day,
                new BigDecimal(amount),
                "EUR",
                "won",
                "NEW",
                "P",
                0,
                "{}",
                null);
    }
}
