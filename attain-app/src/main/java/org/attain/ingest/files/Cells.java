package org.attain.ingest.files;

import java.util.ArrayList;
import java.util.List;
import org.attain.ingest.Bounds;
import org.attain.ingest.Problem;

/**
 * Cells that cannot be kept as they are: longer than a cell may be, or holding characters PostgreSQL
 * text and JSON cannot store (NUL, an unpaired surrogate). Such a row is quarantined without its cells
 * (only a short preview of the offending one), to be fixed in the file: a truncated or altered value
 * must never be replayed as if it were the real one.
 */
public final class Cells {

    /**
     * The most a spreadsheet cell holds (Excel's limit). Readers cut a longer cell to one character
     * more than this while reading, so a 100 MB cell never sits in memory or in the quarantine.
     */
    public static final int MAX_LENGTH = 32_767;
    /** A whole row: thousands of full cells would make one quarantine row too big to read back. */
    static final int MAX_ROW_LENGTH = 1 << 20;
    /** What the quarantine and the messages keep of a long value. */
    public static final int PREVIEW_LENGTH = 200;

    private Cells() {}

    /** @param header column names, or null without a header row (columns are then named by number from 1) */
    public static List<Problem> unstorable(List<String> header, String[] cells) {
        List<Problem> problems = null;
        long total = 0;
        int longest = -1;
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            if (cell == null) {
                continue;
            }
            total += cell.length();
            if (longest < 0 || cell.length() > cells[longest].length()) {
                longest = i;
            }
            Bounds.Refusal refusal = null;
            if (cell.length() > MAX_LENGTH) {
                refusal = new Bounds.Refusal("ingest.bound.cellLength", MAX_LENGTH);
            } else {
                int bad = unstorableAt(cell);
                if (bad >= 0) {
                    refusal = new Bounds.Refusal("ingest.bound.cellCharacter", Bounds.codePoint(cell, bad));
                }
            }
            if (refusal != null) {
                if (problems == null) {
                    problems = new ArrayList<>();
                }
                problems.add(Problem.refused(column(header, i), preview(cell), refusal, null));
            }
        }
        if (problems == null && total > MAX_ROW_LENGTH) {
            return List.of(Problem.refused(
                    column(header, longest),
                    preview(cells[longest]),
                    new Bounds.Refusal("ingest.bound.rowLength", total, MAX_ROW_LENGTH),
                    null));
        }
        return problems == null ? List.of() : problems;
    }

    /** The column's name as the quarantine keys a row's cells: its header, or its number from 1. */
    public static String column(List<String> header, int i) {
        return header != null
                        && i < header.size()
                        && header.get(i) != null
                        && !header.get(i).isBlank()
                ? header.get(i)
                : String.valueOf(i + 1);
    }

    /** Index of the first NUL or unpaired surrogate, or -1: the characters nothing downstream can store. */
    public static int unstorableAt(String s) {
        return Bounds.firstAt(s, c -> c == 0);
    }

    /** The value as far as it is worth showing, with what cannot be stored made visible (NUL as ␀). */
    public static String preview(String s) {
        return preview(s, PREVIEW_LENGTH);
    }

    public static String preview(String s, int length) {
        if (s == null) {
            return null;
        }
        boolean cut = s.length() > length;
        String head = cut ? s.substring(0, length) : s;
        if (unstorableAt(head) >= 0 || cut && Character.isHighSurrogate(head.charAt(head.length() - 1))) {
            StringBuilder b = new StringBuilder(head.length());
            for (int i = 0; i < head.length(); i++) {
                char c = head.charAt(i);
                boolean paired = Character.isHighSurrogate(c)
                        ? i + 1 < head.length() && Character.isLowSurrogate(head.charAt(i + 1))
                        : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(head.charAt(i - 1));
                b.append(c == 0 ? '\u2400' : Character.isSurrogate(c) && !paired ? '\uFFFD' : c);
            }
            head = b.toString();
        }
        return cut ? head + "\u2026" : head;
    }
}
