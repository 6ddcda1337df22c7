package org.attain.ingest.quarantine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.ingest.Problem;
import org.attain.ingest.files.Cells;
import tools.jackson.databind.json.JsonMapper;

/** A rejected row as the quarantine stores it: its cells by column (editable in place) and its problems, as JSON. */
public final class Quarantined {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Quarantined() {}

    /** The row's cells by column name (or 1-based number without a header), or null for a row kept without cells. */
    public static String raw(List<String> header, String[] cells) {
        return cells == null ? null : JSON.writeValueAsString(cells(header, cells));
    }

    static Map<String, String> cells(List<String> header, String[] cells) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            raw.put(Cells.column(header, i), cells[i]);
        }
        return raw;
    }

    /** [{column, value, reason, suggestion, code, args}], each cut to a preview. */
    public static String problems(List<Problem> problems) {
        return JSON.writeValueAsString(problems.stream().map(Problem::bounded).toList());
    }

    /** Header names as they can be stored and shown: a broken one (NUL, a whole file in one cell) as its preview. */
    public static List<String> header(List<String> names) {
        if (names == null) {
            return null;
        }
        return names.stream()
                .map(n -> n != null && (n.length() > Cells.PREVIEW_LENGTH || Cells.unstorableAt(n) >= 0)
                        ? Cells.preview(n)
                        : n)
                .toList();
    }
}
