package org.attain.pay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The what-if form's text is read in the page's language; what cannot be read is named per field, never guessed. */
class WhatIfFormTest {

    @Test
    void germanFiftyThousandWithAPointIsFiftyThousand() {
        Map<String, String> problems = new LinkedHashMap<>();
        var request =
                WhatIfEndpoints.read(new WhatIfEndpoints.Form("50.000", "", "new_logo", "24"), Locale.GERMAN, problems);
        assertThat(problems).isEmpty();
        assertThat(request.amount()).isEqualByComparingTo("50000");
        assertThat(request.termMonths()).isEqualTo(24);
        assertThat(request.closeDate()).isNull();
    }

    @Test
    void englishFiftyThousandWithACommaIsFiftyThousandAndGermanFiftyCommaThousandIsRefused() {
        Map<String, String> problems = new LinkedHashMap<>();
        assertThat(WhatIfEndpoints.read(new WhatIfEndpoints.Form("50,000", null, null, null), Locale.ENGLISH, problems)
                        .amount())
                .isEqualByComparingTo("50000");
        var german =
                WhatIfEndpoints.read(new WhatIfEndpoints.Form("50,000", null, null, null), Locale.GERMAN, problems);
        assertThat(german.amount()).isNull();
        assertThat(problems).containsExactly(Map.entry("amount", "number.decimals"));
    }

    @Test
    void eachUnreadableFieldGetsItsOwnProblem() {
        Map<String, String> problems = new LinkedHashMap<>();
        WhatIfEndpoints.read(new WhatIfEndpoints.Form("abc", "2026-13-01", "", "two years"), Locale.ENGLISH, problems);
        assertThat(problems)
                .containsOnly(
                        Map.entry("amount", "number.unreadable"),
                        Map.entry("closeDate", "whatif.closeDate.unreadable"),
                        Map.entry("termMonths", "whatif.termMonths.range"));
    }
}
