package org.attain.ingest.files;

import java.io.IOException;
import java.io.Reader;

/**
 * Sits between a CSV file and the parser and cuts every cell to {@link Cells#MAX_LENGTH} + 1
 * characters, so a 100 MB cell never becomes a 100 MB string: the parser sees a cell one character
 * too long, which {@link Cells} refuses with its reason. It follows the CSV quoting the parser uses
 * (a quote opens a quoted cell only as its first character, "" inside is a quote), so delimiters and
 * line breaks inside quotes stay part of the cell and the rows around a long cell are read as before.
 */
final class CellLimitReader extends Reader {

    private static final char QUOTE = '"';
    private static final int KEEP = Cells.MAX_LENGTH + 1;

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int end;
    private boolean quoted;
    private boolean cellStart = true;
    private boolean quotePending;
    private long cellLength;
    // what one step put out beyond the caller's room: a closing quote is only known by the character after it
    private final char[] spill = new char[2];
    private int spillAt;
    private int spillCount;

    CellLimitReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    @Override
    public int read(char[] out, int offset, int length) throws IOException {
        int written = 0;
        while (written < length) {
            if (spillAt < spillCount) {
                out[offset + written++] = spill[spillAt++];
                continue;
            }
            if (position == end) {
                if (written > 0) {
                    break;
                }
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    if (!quotePending) {
                        return -1;
                    }
                    quotePending = false;
                    quoted = false;
                    out[offset + written++] = QUOTE;
                    continue;
                }
                position = 0;
                end = n;
                continue;
            }
            spillCount = step(buffer[position++], spill, 0);
            spillAt = 0;
        }
        return written;
    }

    /** Moves the quoting state over one character; returns how many characters it puts out (0, 1 or 2). */
    private int step(char c, char[] out, int at) {
        if (quoted) {
            if (quotePending) {
                quotePending = false;
                if (c == QUOTE) {
                    // "" inside quotes: one quote in the cell
                    return keep() ? put(out, at, QUOTE, QUOTE) : 0;
                }
                quoted = false;
                out[at] = QUOTE;
                return 1 + unquoted(c, out, at + 1);
            }
            if (c == QUOTE) {
                quotePending = true;
                return 0;
            }
            return keep() ? put(out, at, c) : 0;
        }
        return unquoted(c, out, at);
    }

    private int unquoted(char c, char[] out, int at) {
        if (c == delimiter || c == '\n' || c == '\r') {
            cellStart = true;
            cellLength = 0;
            out[at] = c;
            return 1;
        }
        if (c == QUOTE && cellStart) {
            cellStart = false;
            quoted = true;
            out[at] = c;
            return 1;
        }
        cellStart = false;
        return keep() ? put(out, at, c) : 0;
    }

    private boolean keep() {
        return ++cellLength <= KEEP;
    }

    private static int put(char[] out, int at, char c) {
        out[at] = c;
        return 1;
    }

    private static int put(char[] out, int at, char a, char b) {
        out[at] = a;
        out[at + 1] = b;
        return 2;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
