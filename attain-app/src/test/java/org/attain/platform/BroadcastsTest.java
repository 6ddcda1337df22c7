package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a node reads a notice: its own are skipped, others go to their topic's handlers, anything malformed is dropped. */
class BroadcastsTest {

    private final InstanceLease lease = new InstanceLease();
    private final Broadcasts broadcasts = new Broadcasts(null, lease, false);

    @Test
    void aNoticeFromAnotherNodeReachesItsTopicsHandlersAndOneFromThisNodeDoesNot() {
        List<String> heard = new ArrayList<>();
        broadcasts.listen("game.boards", heard::add);
        broadcasts.listen("calc.runs", body -> heard.add("run " + body));
        int other = lease.key() + 1;

        broadcasts.deliver(other + "|game.boards|BOOKINGS;2026-12-01;2026-12-05");
        broadcasts.deliver(lease.key() + "|game.boards|CALLS;;");
        broadcasts.deliver(other + "|calc.runs|42");
        broadcasts.deliver(other + "|nobody.listens|x");

        assertThat(heard).containsExactly("BOOKINGS;2026-12-01;2026-12-05", "run 42");
    }

    @Test
    void aBodyMayHoldTheSeparatorAndAMalformedNoticeOrAFailingHandlerHarmsNoOne() {
        List<String> heard = new ArrayList<>();
        broadcasts.listen("t", body -> {
            throw new IllegalStateException("a broken handler");
        });
        broadcasts.listen("t", heard::add);
        int other = lease.key() + 1;

        broadcasts.deliver("no separators at all");
        broadcasts.deliver(other + "|only a topic");
        broadcasts.deliver(other + "|t|a|b");

        assertThat(heard).containsExactly("a|b");
    }
}
