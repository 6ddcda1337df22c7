package org.attain.ingest.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.attain.ingest.profiles.ImportProfile;

/**
 * A CSV file streamed record by record with Commons CSV; bytes that do not fit the encoding stop the read,
 * and a cell longer than a cell may be is cut while reading ({@link CellLimitReader}) and refused by the mapping.
 */
public final class CsvRows implements RowSource {

    private final Path file;
    private final ImportProfile.Format format;
    private CountingStream counter;

    public CsvRows(Path file, ImportProfile.Format format) {
        this.file = file;
        this.format = format;
    }

    @Override
    public void read(Handler handler) throws IOException {
        CSVFormat csv = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(format.delimiter())
                .setIgnoreEmptyLines(true)
                .get();
        // REPORT instead of the default REPLACE: a wrong encoding must be named, not turned into "?".
        var decoder = format.encoding()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long row = 0;
        try (CountingStream in = new CountingStream(Files.newInputStream(file));
                Reader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
                CSVParser parser = CSVParser.parse(new CellLimitReader(skipBom(reader), format.delimiter()), csv)) {
            counter = in;
            boolean first = true;
            for (CSVRecord record : parser) {
                row = record.getRecordNumber();
                if (first && format.header()) {
                    handler.header(Arrays.asList(record.values()));
                } else {
                    if (first) {
                        handler.header(null);
                    }
                    // A value our own (or any careful) export neutralised with a leading quote is read as it was.
                    handler.row(row, org.attain.platform.CellText.read(record.values()));
                }
                first = false;
            }
            if (first) {
                throw new UnreadableFileException("the file " + file.getFileName() + " is empty");
            }
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), row);
        } catch (CharacterCodingException e) {
            throw unreadable(e, row);
        }
    }

    private UnreadableFileException unreadable(IOException e, long lastRow) {
        if (e instanceof CharacterCodingException) {
            return new UnreadableFileException(
                    "the file is not " + format.encoding().name() + " text (after row " + lastRow
                            + "); set format.encoding in the profile, e.g. windows-1252 or ISO-8859-1");
        }
        return new UnreadableFileException(
                "the file cannot be read as CSV after row " + lastRow + ": " + e.getMessage());
    }

    private static Reader skipBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    @Override
    public boolean typedCells() {
        return false;
    }

    @Override
    public long bytesRead() {
        return counter == null ? 0 : counter.count();
    }

    @Override
    public long totalBytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
