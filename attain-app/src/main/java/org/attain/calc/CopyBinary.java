package org.attain.calc;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import org.attain.platform.CopyText;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows of (bigint, int, int, bytea, text) streamed with COPY in PostgreSQL's binary format: the packed
 * explained deals go to disk as the bytes they are, with no text escaping on our side and no parsing
 * on the server's.
 */
final class CopyBinary implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int FLUSH_AT = 1 << 18;

    private final CopyIn copy;
    private ByteBuffer buffer = ByteBuffer.allocate(FLUSH_AT + (1 << 12));

    CopyBinary(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)");
        buffer.put(SIGNATURE).putInt(0).putInt(0);
    }

    void row(long a, int b, int c, ByteBuffer bytes, String text) {
        int length = bytes.remaining();
        byte[] textBytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // Field count, then per field its length and value: 2 + (4 + 8) + (4 + 4) + (4 + 4) + (4 + length)
        // + (4 + text).
        ensure(38 + length + textBytes.length);
        buffer.putShort((short) 5);
        buffer.putInt(8).putLong(a);
        buffer.putInt(4).putInt(b);
        buffer.putInt(4).putInt(c);
        buffer.putInt(length).put(bytes);
        buffer.putInt(textBytes.length).put(textBytes);
        if (buffer.position() >= FLUSH_AT) {
            flush();
        }
    }

    private void ensure(int bytes) {
        if (buffer.remaining() < bytes) {
            flush();
            if (buffer.capacity() < bytes) {
                buffer = ByteBuffer.allocate(bytes);
            }
        }
    }

    private void flush() {
        try {
            copy.writeToCopy(buffer.array(), 0, buffer.position());
            buffer.clear();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** Sends the rest and ends the COPY. */
    void finish() {
        ensure(2);
        buffer.putShort((short) -1);
        flush();
        CopyText.end(copy);
    }

    @Override
    public void close() {
        CopyText.cancel(copy);
    }
}
