package org.attain.ingest.files;

/** The file could not be read at all (missing, wrong encoding, broken XLSX); the message says where and why. */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }
}
