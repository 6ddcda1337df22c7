package org.attain.platform;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * The server's start stopped for a reason the admin can act on (the data folder is another Attain's,
 * the database does not answer or refuses the login): Spring Boot then prints the description and
 * the action instead of the exception with its frames. Registered in META-INF/spring.factories.
 */
class StartFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CliException
                    || t instanceof SQLException sql
                            && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08")
                                    || sql.getSQLState().startsWith("28"))) {
                String description = CliFailure.describe(failure);
                return new FailureAnalysis(
                        description,
                        "Do what the description says; the log in the data folder's logs/ has the details.",
                        t);
            }
        }
        return null;
    }
}
