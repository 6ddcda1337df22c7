package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Which address a login counts against: the peer unless it is a trusted proxy, and then the nearest
 * forwarded hop that is not one. Fifty people behind one trusted proxy are fifty addresses; behind an
 * untrusted one (the default) they share the proxy's, and a client's own header changes nothing.
 */
class ClientAddressTest {

    static final String PROXY = "10.0.0.5";

    final ClientAddress untrusting = new ClientAddress(List.of());
    final ClientAddress trusting = new ClientAddress(List.of("10.0.0.0/24", "2001:db8::1"));

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertThat(untrusting.of(request(PROXY, "X-Forwarded-For", "203.0.113.7")))
                .isEqualTo(PROXY);
    }

    @Test
    void behindATrustedProxyTheClientIsTheNearestUntrustedHop() {
        assertThat(trusting.of(request(PROXY, "X-Forwarded-For", "203.0.113.7")))
                .isEqualTo("203.0.113.7");
        assertThat(trusting.of(request(PROXY, "X-Forwarded-For", "198.51.100.1, 203.0.113.7, 10.0.0.9")))
                .as("what the client itself put in front is not believed")
                .isEqualTo("203.0.113.7");
        assertThat(trusting.of(request(PROXY, "Forwarded", "for=192.0.2.60;proto=https;by=10.0.0.5")))
                .isEqualTo("192.0.2.60");
        assertThat(trusting.of(request("2001:db8::1", "Forwarded", "for=\"[2001:db8:cafe::17]:4711\"")))
                .isEqualTo("2001:db8:cafe::17");
        assertThat(trusting.of(request(PROXY)))
                .as("no header: the proxy itself")
                .isEqualTo(PROXY);
    }

    @Test
    void aClientTalkingToTheAppDirectlyCannotChooseItsAddress() {
        assertThat(trusting.of(request("203.0.113.50", "X-Forwarded-For", "10.0.0.7")))
                .isEqualTo("203.0.113.50");
    }

    @Test
    void aHostNameInTheHeaderIsNeverLookedUpAndNeverTrusted() {
        assertThat(trusting.of(request(PROXY, "X-Forwarded-For", "proxy.example.com")))
                .isEqualTo("proxy.example.com");
    }

    @Test
    void fiftyFailuresBehindATrustedProxyDoNotLockOutTheNextPersonButBehindAnUntrustedOneTheyDo() {
        LoginThrottle trusted = new LoginThrottle(new LoginThrottleTest.MovableClock());
        LoginThrottle untrusted = new LoginThrottle(new LoginThrottleTest.MovableClock());
        for (int i = 1; i <= LoginThrottle.FREE_ATTEMPTS * 10; i++) {
            MockHttpServletRequest attempt = request(PROXY, "X-Forwarded-For", "198.51.100." + i);
            trusted.failed("user" + i, trusting.of(attempt));
            untrusted.failed("user" + i, untrusting.of(attempt));
        }
        MockHttpServletRequest colleague = request(PROXY, "X-Forwarded-For", "198.51.100.200");
        assertThat(trusted.secondsToWait("colleague", trusting.of(colleague))).isZero();
        assertThat(untrusted.secondsToWait("colleague", untrusting.of(colleague)))
                .isPositive();
    }

    private static MockHttpServletRequest request(String peer, String... header) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/login");
        r.setRemoteAddr(peer);
        if (header.length == 2) {
            r.addHeader(header[0], header[1]);
        }
        return r;
    }
}
