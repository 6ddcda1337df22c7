package org.attain.ingest;

import java.util.List;

/** Finding a profile's column in a file: by header name (ignoring case and blanks) or 1-based number. */
final class Columns {

    private Columns() {
    }

    static int index(List<String> header, String column) {
        if (header != null) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i) != null && header.get(i).strip().equalsIgnoreCase(column.strip())) {
                    return i;
                }
            }
        }
        if (column.strip().matches("\\d{1,4}")) {
            int n = Integer.parseInt(column.strip());
            return n >= 1 && (header == null || n <= header.size()) ? n - 1 : -1;
        }
        return -1;
    }
}
