package org.attain.payout.web;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Payout pages show instants in the clock's zone, so "opened at" reads as local time. */
@ControllerAdvice(basePackageClasses = PageZone.class)
class PageZone {

    private final Clock clock;

    PageZone(Clock clock) {
        this.clock = clock;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return clock.getZone();
    }
}
