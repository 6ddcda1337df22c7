package org.attain.ingest.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finding a profile's column in a file: by header name (ignoring case and blanks) or 1-based number. */
public final class Columns {

    private Columns() {}

    /**
     * Puts each mapped field's column position into {@code index}; a profile naming columns the file
     * does not have is refused with all of them and the columns the file does have.
     */
    public static void locate(Map<String, String> columns, List<String> header, Map<String, Integer> index) {
        List<String> missing = new ArrayList<>();
        columns.forEach((field, column) -> {
            int at = index(header, column);
            if (at < 0) {
                missing.add("'" + column + "' (for " + field + ")");
            } else {
                index.put(field, at);
            }
        });
        if (!missing.isEmpty()) {
            throw new ProfileException("the file has no column " + String.join(", ", missing)
                    + (header == null ? "" : "; its columns are: " + String.join(", ", header)));
        }
    }

    /** A header name (ignoring case and surrounding blanks), or a 1-based column number; -1 when absent. */
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
