package org.attain.ingest;

import java.util.List;

/** Receives the rows of a source, maps each one and stages it as good or rejected. */
final class FileReading implements RowSource.Handler {

    private final ImportProfile profile;
    private final Directory directory;
    private final StageWriter stage;
    private final boolean typedCells;
    private final ImportProgress progress;
    private TransactionMapper mapper;
    private List<String> header;

    FileReading(ImportProfile profile, Directory directory, StageWriter stage, boolean typedCells, ImportProgress progress) {
        this.profile = profile;
        this.directory = directory;
        this.stage = stage;
        this.typedCells = typedCells;
        this.progress = progress;
    }

    @Override
    public void header(List<String> names) {
        header = names;
        mapper = new TransactionMapper(profile, names, directory, typedCells);
    }

    @Override
    public void row(long number, String[] cells) {
        TransactionMapper.Mapped mapped = mapper.map(number, cells);
        if (mapped.ok()) {
            stage.good(mapped.row());
        } else {
            stage.rejected(number, header, cells, mapped.problems());
        }
        progress.row();
    }

    List<String> header() {
        return header;
    }
}
