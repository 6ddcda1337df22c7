package org.attain.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from, for login throttling and the audit log. By default the
 * connection's peer as the server reports it ({@code server.forward-headers-strategy=native} lets
 * Tomcat rewrite that from its own list of internal proxies). With {@code attain.trusted-proxies}
 * (addresses or CIDR ranges) and only when the peer is one of them, it is the nearest address in
 * {@code X-Forwarded-For} (or {@code Forwarded: for=}) that is not itself a trusted proxy: so the
 * people behind one reverse proxy are counted one by one, while a client that talks to the app
 * directly cannot pick its own address by sending the header.
 */
@Component
public class ClientAddress {

    // Only literal addresses are matched: a host name here would make the matcher ask DNS.
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<IpAddressMatcher> trusted;

    ClientAddress(@Value("${attain.trusted-proxies:}") List<String> trustedProxies) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String p : trustedProxies) {
            if (!p.isBlank()) {
                matchers.add(new IpAddressMatcher(p.strip()));
            }
        }
        this.trusted = Collections.unmodifiableList(matchers);
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> chain = forwardedFor(request);
        // Walk from the nearest hop outwards: every hop up to the first untrusted one was written by a proxy we trust.
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    boolean isTrusted(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        for (IpAddressMatcher m : trusted) {
            if (m.matches(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        String xff = request.getHeader("X-Forwarded-For");
        if (xff != null && !xff.isBlank()) {
            for (String part : xff.split(",")) {
                add(hops, part);
            }
            return hops;
        }
        String forwarded = request.getHeader("Forwarded");
        if (forwarded != null) {
            for (String element : forwarded.split(",")) {
                for (String pair : element.split(";")) {
                    String p = pair.strip();
                    if (p.toLowerCase(Locale.ROOT).startsWith("for=")) {
                        add(hops, p.substring(4));
                    }
                }
            }
        }
        return hops;
    }

    /** Adds one hop without quotes, brackets or port ("[2001:db8::1]:4711" → "2001:db8::1", "192.0.2.1:80" → "192.0.2.1"). */
    private static void add(List<String> hops, String raw) {
        String s = raw.strip().replace("\"", "");
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            s = end > 0 ? s.substring(1, end) : s.substring(1);
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            s = s.substring(0, s.indexOf(':'));
        }
        if (!s.isEmpty()) {
            hops.add(s);
        }
    }
}
