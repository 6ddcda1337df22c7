package org.attain.home.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The home page is turned into HTML once while nothing on it changes: under 50 users rendering was most of a
 * request's cost, and a model value without value equality (the pager's links held their request) made every
 * request render again without any test noticing. That the page still follows every change is
 * HomeStaysFreshTest's.
 */
class HomeRenderedOnceTest extends AttainIntegrationTest {

    @Autowired
    RenderedPages pages;

    @Test
    void aRepsHomeIsRenderedOnceAndServedAsKeptWhileItsFiguresStand() {
        WebSession rep = login("rep", "demo");
        String first = rep.get("/").body();
        long before = pages.renderings();
        String second = rep.get("/").body();
        String third = rep.get("/").body();
        assertThat(pages.renderings())
                .as("renderings for two repeated requests")
                .isEqualTo(before);
        // The same page each time (the chrome differs only by each response's masked CSRF token).
        assertThat(main(second)).isEqualTo(main(first)).isEqualTo(main(third)).contains("data-test=\"my-earnings\"");

        // Another URL is another page: its pager links differ, so it is rendered, then kept too.
        rep.get("/?lang=en");
        assertThat(pages.renderings()).isEqualTo(before + 1);
        rep.get("/?lang=en");
        assertThat(pages.renderings()).isEqualTo(before + 1);
    }

    private static String main(String html) {
        return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    }

    @Test
    void aManagersHomeWithTheTeamCardIsKeptToo() {
        WebSession manager = login("manager", "demo");
        manager.get("/");
        long before = pages.renderings();
        manager.get("/");
        assertThat(pages.renderings()).isEqualTo(before);
    }
}
