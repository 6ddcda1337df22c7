package org.attain.access;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes an RFC 9457 problem document from inside the security filters, before MVC is reached. */
final class ProblemResponses {

    private ProblemResponses() {}

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail.replace("\"", "'") + "\"}");
    }
}
