package org.attain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WonDealsTest {

    private final DemoCompany company = DemoFixtures.defaultCompany();
    private final List<SalesTransaction> transactions = DemoFixtures.transactions(company);
    private final List<Opportunity> opportunities = DemoFixtures.opportunities(company);
    private final LocalDate asOf = DemoFixtures.AS_OF;

    @Test
    void two_years_of_a_250_person_company_give_a_few_thousand_won_deals() {
        long deals = transactions.stream().filter(t -> t.kind() == TransactionKind.DEAL).count();

        assertThat(deals).isBetween(2_000L, 8_000L);
    }

    @Test
    void every_won_opportunity_is_booked_once_and_nothing_closes_after_the_as_of_date() {
        Set<String> won = opportunities.stream().filter(o -> o.stage() == Stage.CLOSED_WON)
                .map(Opportunity::externalId).collect(Collectors.toSet());
        List<String> booked = transactions.stream().filter(t -> t.kind() == TransactionKind.DEAL)
                .map(SalesTransaction::opportunityId).toList();

        assertThat(booked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(won);
        assertThat(transactions).allMatch(t -> !t.closeDate().isAfter(asOf));
    }

    @Test
    void open_pipeline_reaches_into_the_next_two_quarters() {
        List<Opportunity> open = opportunities.stream().filter(o -> !o.stage().isClosed()).toList();

        assertThat(open).isNotEmpty().allMatch(o -> o.closeDate().isAfter(asOf) && !o.createdOn().isAfter(asOf));
        assertThat(open).anyMatch(o -> o.closeDate().isAfter(asOf.plusMonths(4)));
        assertThat(open).extracting(Opportunity::stage).contains(Stage.PROSPECTING, Stage.NEGOTIATION);
    }

    @Test
    void split_shares_add_up_to_one() {
        List<SalesTransaction> split = transactions.stream().filter(t -> !t.splits().isEmpty()).toList();

        assertThat(split).hasSizeGreaterThan(20);
        for (SalesTransaction t : split) {
            BigDecimal total = t.splits().stream().map(Split::share).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total).isEqualByComparingTo("1.00");
            assertThat(t.splits()).hasSize(2).extracting(Split::personId).doesNotHaveDuplicates().contains(t.ownerId());
        }
    }

    @Test
    void a_few_deals_are_cancelled_or_returned_later_with_negative_amounts() {
        Map<String, SalesTransaction> byId = transactions.stream()
                .collect(Collectors.toMap(SalesTransaction::externalId, Function.identity()));
        List<SalesTransaction> reversals = transactions.stream().filter(t -> t.kind() != TransactionKind.DEAL).toList();

        assertThat(reversals).extracting(SalesTransaction::kind)
                .contains(TransactionKind.CANCELLATION, TransactionKind.RETURN);
        for (SalesTransaction reversal : reversals) {
            SalesTransaction deal = byId.get(reversal.reversesId());
            assertThat(reversal.amount().signum()).isNegative();
            assertThat(reversal.amount().abs()).isLessThanOrEqualTo(deal.amount());
            assertThat(reversal.closeDate()).isAfter(deal.closeDate());
        }
    }

    @Test
    void more_deals_close_in_the_last_month_of_a_quarter_than_in_the_first() {
        Map<Integer, Long> byMonthOfQuarter = transactions.stream().filter(t -> t.kind() == TransactionKind.DEAL)
                .collect(Collectors.groupingBy(t -> (t.closeDate().getMonthValue() - 1) % 3, Collectors.counting()));

        assertThat(byMonthOfQuarter.get(2)).isGreaterThan(byMonthOfQuarter.get(0) * 3 / 2);
    }

    @Test
    void amounts_are_in_the_owners_region_currency_with_two_decimals() {
        Map<String, Person> people = company.people().stream()
                .collect(Collectors.toMap(Person::externalId, Function.identity()));
        assertThat(transactions).allSatisfy(t -> {
            assertThat(t.currency()).isEqualTo(people.get(t.ownerId()).currency());
            assertThat(t.amount().scale()).isEqualTo(2);
            assertThat(t.termMonths()).isIn(12, 24, 36);
        });
        assertThat(transactions).extracting(SalesTransaction::currency).contains("USD", "EUR", "GBP", "AUD");
    }

    @Test
    void every_deal_owner_is_a_rep_employed_on_the_close_date() {
        Map<String, Person> people = company.people().stream()
                .collect(Collectors.toMap(Person::externalId, Function.identity()));
        assertThat(transactions).filteredOn(t -> t.kind() == TransactionKind.DEAL).allSatisfy(t -> {
            Person owner = people.get(t.ownerId());
            assertThat(owner.roleType()).isEqualTo(RoleType.REP);
            assertThat(owner.employedOn(t.closeDate())).as(t.externalId()).isTrue();
        });
    }
}
