package org.attain.ingest;

/** An import that read nothing at all (bad profile, missing column, unreadable file); recorded as FAILED. */
public class ImportFailedException extends RuntimeException {

    private final long importId;

    public ImportFailedException(long importId, String message) {
        super(message);
        this.importId = importId;
    }

    public long importId() {
        return importId;
    }
}
