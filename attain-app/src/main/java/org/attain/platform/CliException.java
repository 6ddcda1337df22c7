package org.attain.platform;

/**
 * An expected reason a command-line command cannot go on (the data folder is not writable, the
 * server on the folder does not answer). Its message is the one line the user reads: what happened
 * and what to do; it is never printed with a stack trace.
 */
public class CliException extends IllegalStateException {

    public CliException(String message) {
        super(message);
    }
}
