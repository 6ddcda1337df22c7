package org.attain.ingest.files;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.attain.ingest.profiles.ImportProfile;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * An XLSX sheet read with POI's SAX event API: rows stream past without the workbook ever being
 * built in memory. Numeric cells arrive as plain numbers and date cells as ISO dates, whatever
 * display format the spreadsheet gave them.
 */
public final class XlsxRows implements RowSource {

    private final Path file;
    private final ImportProfile.Format format;
    private volatile long rowsSeen;

    public XlsxRows(Path file, ImportProfile.Format format) {
        this.file = file;
        this.format = format;
    }

    /** Formats what a cell holds, not how the sheet displays it. */
    private static final class TypedFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    @Override
    public void read(Handler handler) throws IOException {
        if (!Files.isReadable(file)) {
            throw new UnreadableFileException("the file " + file.getFileName() + " cannot be read");
        }
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (format.sheet() != null && !format.sheet().equalsIgnoreCase(sheets.getSheetName())) {
                        continue;
                    }
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(
                            reader.getStylesTable(), strings, new Rows(handler), new TypedFormatter(), false));
                    parser.parse(new InputSource(sheet));
                    return;
                }
            }
            throw new UnreadableFileException(
                    format.sheet() == null
                            ? "the workbook has no sheet"
                            : "the workbook has no sheet named '" + format.sheet() + "'");
        } catch (UnreadableFileException | IOException e) {
            throw e instanceof UnreadableFileException u
                    ? u
                    : new UnreadableFileException("the file is not a readable XLSX workbook: " + e.getMessage());
        } catch (Exception e) {
            throw new UnreadableFileException(
                    "the file is not a readable XLSX workbook (after row " + rowsSeen + "): " + e.getMessage());
        }
    }

    /** Collects one row's cells; cells the sheet leaves out are empty strings in their column. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Handler handler;
        private final List<String> cells = new ArrayList<>();
        private boolean first = true;

        Rows(Handler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            rowsSeen = rowNum + 1L;
            if (cells.stream().allMatch(c -> c == null || c.isEmpty())) {
                return;
            }
            if (first && format.header()) {
                handler.header(List.copyOf(cells));
            } else {
                if (first) {
                    handler.header(null);
                }
                handler.row(rowNum + 1L, cells.toArray(String[]::new));
            }
            first = false;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            // cut like CellLimitReader does for CSV: one character too long is refused by the mapping with its reason
            cells.add(
                    value == null
                            ? ""
                            : value.length() > Cells.MAX_LENGTH ? value.substring(0, Cells.MAX_LENGTH + 1) : value);
        }
    }

    @Override
    public boolean typedCells() {
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    /** Unknown: a zipped sheet gives no honest byte position, so progress counts rows only. */
    @Override
    public long totalBytes() {
        return 0;
    }
}
