package org.attain.ingest.files;

import java.io.IOException;
import java.util.List;

/** Rows pushed one at a time to a handler, so a file of any size is read in constant memory. */
public interface RowSource {

    interface Handler {
        /** Called once before the rows; null when the source has no header row. */
        void header(List<String> names);

        /** @param number the row's number as a spreadsheet shows it (header row = 1) */
        void row(long number, String[] cells);
    }

    void read(Handler handler) throws IOException, UnreadableFileException;

    /** True when numbers and dates arrive typed (plain / ISO) rather than as formatted text. */
    boolean typedCells();

    /** Bytes consumed so far and in total, for progress; total 0 when unknown. */
    long bytesRead();

    long totalBytes();
}
