package org.attain.ingest.transactions;

import java.util.List;
import org.attain.ingest.ImportProgress;
import org.attain.ingest.Problem;
import org.attain.ingest.files.Cells;
import org.attain.ingest.files.RowSource;
import org.attain.ingest.lookup.Directory;
import org.attain.ingest.lookup.Names;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.RowFilter;
import org.attain.ingest.quarantine.Quarantined;

/** Receives the rows of a source, maps each one and stages it as good or rejected. */
public final class FileReading implements RowSource.Handler {

    private final ImportProfile profile;
    private final Directory directory;
    private final StageWriter stage;
    private final boolean typedCells;
    private final ImportProgress progress;
    private final Names<String> products;
    private TransactionMapper mapper;
    private List<String> header;
    private RowFilter.Bound filters;
    private long skipped;

    /** @param products the catalogue product codes are checked against, or null to take them as they come */
    public FileReading(
            ImportProfile profile,
            Directory directory,
            StageWriter stage,
            boolean typedCells,
            ImportProgress progress,
            Names<String> products) {
        this.products = products == null || products.isEmpty() ? null : products;
        this.profile = profile;
        this.directory = directory;
        this.stage = stage;
        this.typedCells = typedCells;
        this.progress = progress;
    }

    @Override
    public void header(List<String> names) {
        header = Quarantined.header(names);
        filters = new RowFilter.Bound(profile.filters(), header);
        mapper = new TransactionMapper(profile, header, directory, typedCells);
    }

    @Override
    public void row(long number, String[] cells) {
        if (filters.any() && !filters.keeps(cells)) {
            skipped++;
            progress.row();
            return;
        }
        List<Problem> unstorable = Cells.unstorable(header, cells);
        TransactionMapper.Mapped mapped = unstorable.isEmpty() ? mapper.map(number, cells) : null;
        if (mapped == null) {
            stage.rejected(number, header, null, unstorable);
        } else if (mapped.ok() && products != null && mapped.row().productCode() != null) {
            TransactionRow r = mapped.row();
            Names.Found<String> product = products.find(r.productCode());
            if (!product.ok()) {
                stage.rejected(
                        number,
                        mapper.key(cells),
                        header,
                        cells,
                        List.of(new Problem(
                                profile.columns()
                                        .getOrDefault(TransactionFields.PRODUCT_CODE, TransactionFields.PRODUCT_CODE),
                                r.productCode(),
                                product.reason() + " (matched by product code or name)",
                                product.suggestion())));
            } else {
                // a product named by its catalogue name is stored by its code
                stage.good(
                        product.value().equals(r.productCode())
                                ? r
                                : new TransactionRow(
                                        r.rowNumber(),
                                        r.externalId(),
                                        r.kind(),
                                        r.status(),
                                        r.ownerId(),
                                        r.closeDate(),
                                        r.amount(),
                                        r.currency(),
                                        r.dealType(),
                                        product.value(),
                                        r.termMonths(),
                                        r.accountId(),
                                        r.splitsJson(),
                                        r.attributesJson(),
                                        r.refersTo()));
            }
        } else if (mapped.ok()) {
            stage.good(mapped.row());
        } else {
            stage.rejected(number, mapper.key(cells), header, cells, mapped.problems());
        }
        progress.row();
    }

    public List<String> header() {
        return header;
    }

    /** Rows the profile's filters left out. */
    public long skipped() {
        return skipped;
    }
}
