package org.attain.engine.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Where the text of a block scalar ({@code |} or {@code >}) was written: its content lines below the
 * indicator, each without the block's indentation. Joining them with one character (a newline, or the
 * space a folded block puts in) gives the scalar's text, so an offset into the text leads back to a line
 * and column of the file. Exact unless a folded block holds blank lines.
 */
record BlockScalar(int firstLine, int indent, List<Integer> lineLengths) {

    /** {@code fileLines}: the document split at newlines; marks are 0-based. */
    static Optional<BlockScalar> of(Optional<Mark> start, Optional<Mark> end, List<String> fileLines) {
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        int first = start.get().getLine() + 1;
        int last = Math.min(end.get().getLine(), fileLines.size() - 1);
        int indent = -1;
        List<Integer> lengths = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            String line = fileLines.get(i);
            if (indent < 0 && !line.isBlank()) {
                indent = line.length() - line.stripLeading().length();
            }
            lengths.add(line.isBlank() ? 0 : Math.max(line.stripTrailing().length() - Math.max(indent, 0), 0));
        }
        return indent < 0 ? Optional.empty() : Optional.of(new BlockScalar(first + 1, indent, List.copyOf(lengths)));
    }

    /** The file position of a 1-based line and column in the scalar's text. */
    SourceLocation locate(String source, String text, int lineInText, int columnInText) {
        int offset = 0;
        String[] textLines = text.split("\n", -1);
        for (int i = 0; i < lineInText - 1 && i < textLines.length; i++) {
            offset += textLines[i].length() + 1;
        }
        offset += columnInText - 1;
        for (int i = 0; i < lineLengths.size(); i++) {
            if (offset <= lineLengths.get(i) || i == lineLengths.size() - 1) {
                return new SourceLocation(source, firstLine + i, indent + offset + 1);
            }
            offset -= lineLengths.get(i) + 1;
        }
        return new SourceLocation(source, firstLine, indent + 1);
    }
}
