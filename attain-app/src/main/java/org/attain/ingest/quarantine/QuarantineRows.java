package org.attain.ingest.quarantine;

import java.util.List;
import java.util.Map;
import org.attain.ingest.files.RowSource;

/** The open quarantine rows of an import, fed back through the same mapping as the file they came from. */
public final class QuarantineRows implements RowSource {

    public record Row(long number, Map<String, String> cells) {}

    private final List<String> header;
    private final List<Row> rows;
    private final boolean typedCells;
    private volatile long done;

    public QuarantineRows(List<String> header, List<Row> rows, boolean typedCells) {
        this.header = header;
        this.rows = rows;
        this.typedCells = typedCells;
    }

    @Override
    public void read(Handler handler) {
        handler.header(header);
        for (Row row : rows) {
            int width = header == null ? row.cells().size() : header.size();
            String[] cells = new String[width];
            for (int i = 0; i < width; i++) {
                String key =
                        header == null || header.get(i) == null || header.get(i).isBlank()
                                ? String.valueOf(i + 1)
                                : header.get(i);
                cells[i] = row.cells().getOrDefault(key, "");
            }
            handler.row(row.number(), cells);
            done++;
        }
    }

    @Override
    public boolean typedCells() {
        return typedCells;
    }

    @Override
    public long bytesRead() {
        return done;
    }

    @Override
    public long totalBytes() {
        return rows.size();
    }
}
