package org.attain.access;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Behind a TLS-terminating proxy listed in {@code attain.trusted-proxies}, a request the proxy marks
 * {@code X-Forwarded-Proto: https} (or {@code Forwarded: proto=https}) is a secure request: Tomcat then
 * marks the session cookie {@code Secure}, and redirects and links use https. A Tomcat valve, because
 * the session cookie's flag is Tomcat's decision from its own request, which a servlet filter's wrapper
 * cannot change. The same header from any other peer changes nothing. The client address is left to
 * {@link ClientAddress}.
 */
class ForwardedProtoValve extends ValveBase {

    private final ClientAddress proxies;

    ForwardedProtoValve(ClientAddress proxies) {
        super(true);
        this.proxies = proxies;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.isSecure() || !proxies.isTrusted(request.getRemoteAddr()) || !forwardedHttps(request)) {
            getNext().invoke(request, response);
            return;
        }
        String scheme = request.getCoyoteRequest().scheme().toString();
        int port = request.getServerPort();
        request.setSecure(true);
        request.getCoyoteRequest().scheme().setString("https");
        request.setServerPort(forwardedPort(request));
        try {
            getNext().invoke(request, response);
        } finally {
            request.setSecure(false);
            request.getCoyoteRequest().scheme().setString(scheme);
            request.setServerPort(port);
        }
    }

    /** The nearest proxy's word: the last value of the header (proxies append theirs). */
    private static boolean forwardedHttps(Request request) {
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto != null) {
            return last(proto).equalsIgnoreCase("https");
        }
        String forwarded = request.getHeader("Forwarded");
        if (forwarded != null) {
            for (String part : last(forwarded).split(";")) {
                String p = part.trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("proto=")) {
                    return p.substring(6).replace("\"", "").equals("https");
                }
            }
        }
        return false;
    }

    private static int forwardedPort(Request request) {
        String port = request.getHeader("X-Forwarded-Port");
        if (port != null && last(port).matches("[0-9]{1,5}")) {
            return Integer.parseInt(last(port));
        }
        return 443;
    }

    private static String last(String header) {
        String[] values = header.split(",");
        return values[values.length - 1].trim();
    }
}
