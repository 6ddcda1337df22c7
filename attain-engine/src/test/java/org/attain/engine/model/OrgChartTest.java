package org.attain.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.attain.engine.time.DateRange;
import org.junit.jupiter.api.Test;

class OrgChartTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    private static final DateRange ALWAYS = new DateRange(LocalDate.of(2020, 1, 1), LocalDate.of(2099, 12, 31));

    private static ReportingLine line(String person, String manager) {
        return new ReportingLine(PersonId.of(person), PersonId.of(manager), ALWAYS);
    }

    @Test
    void theSameUnmodifiableLinesGiveTheChartBuiltBeforeAndOtherLinesTheirOwn() {
        List<ReportingLine> org = List.of(line("ae", "lead"), line("lead", "vp"));
        OrgChart first = OrgChart.of(org);
        assertThat(OrgChart.of(org)).isSameAs(first);
        assertThat(first.managersAbove(PersonId.of("ae"), DAY)).containsExactly(PersonId.of("lead"), PersonId.of("vp"));

        OrgChart moved = OrgChart.of(List.of(line("ae", "vp"), line("lead", "vp")));
        assertThat(moved).isNotSameAs(first);
        assertThat(moved.managersAbove(PersonId.of("ae"), DAY)).containsExactly(PersonId.of("vp"));
    }

    @Test
    void aListThatCanStillChangeIsReadAfreshEveryTime() {
        List<ReportingLine> org = new ArrayList<>(List.of(line("ae", "lead")));
        OrgChart before = OrgChart.of(org);
        org.set(0, line("ae", "vp"));
        OrgChart after = OrgChart.of(org);
        assertThat(after).isNotSameAs(before);
        assertThat(after.managerOn(PersonId.of("ae"), DAY)).contains(PersonId.of("vp"));
        assertThat(before.managerOn(PersonId.of("ae"), DAY)).contains(PersonId.of("lead"));
    }
}
