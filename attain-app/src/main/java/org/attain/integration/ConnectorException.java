package org.attain.integration;

/** A connector run cannot go on (vendor unreachable, refused, or answering something unexpected). */
class ConnectorException extends RuntimeException {

    ConnectorException(String message) {
        super(message);
    }
}
