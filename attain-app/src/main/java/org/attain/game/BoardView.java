package org.attain.game;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A board as one viewer may see it. A row's {@code value} is {@code null} where it would tell the viewer
 * another rep's pay or quota ({@link Board#compensationPrivate()}); {@code rank} and {@code score} are
 * {@code null} for others on a banded board (the band is shown instead). Goals are never in a view. {@code currency}:
 * the company currency money values are converted into (null for counts); {@code unconverted}: currencies of amounts
 * left out because no rate converts them.
 */
public record BoardView(
        Board board,
        LocalDate from,
        LocalDate to,
        int competitors,
        List<Row> rows,
        Row me,
        boolean valuesHidden,
        String currency,
        java.util.Set<String> unconverted) {

    public record Row(
            String key,
            String name,
            Integer rank,
            Band band,
            BigDecimal score,
            BigDecimal value,
            boolean tied,
            boolean mine) {}
}
