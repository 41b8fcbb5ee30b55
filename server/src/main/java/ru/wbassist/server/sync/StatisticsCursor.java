package ru.wbassist.server.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import ru.wbassist.server.time.Moscow;
import ru.wbassist.server.wb.StatisticsRow;

/**
 * The cursor of orders and sales: the latest {@code lastChangeDate} stored, as WB's naive Moscow time. Each fetch
 * starts {@code overlap} before it, because WB publishes some rows after later ones (the upsert absorbs the repeats);
 * the first fetch starts {@code history} back.
 */
final class StatisticsCursor {

    private StatisticsCursor() {}

    static Instant dateFrom(Optional<String> cursor, Duration overlap, Duration history, Instant now) {
        return cursor.map(Moscow::parseWb).map(c -> c.minus(overlap)).orElse(now.minus(history));
    }

    /** The later of the old cursor and the newest row; the fetch start when there is neither. */
    static String next(Optional<String> cursor, Collection<? extends StatisticsRow> rows, Instant dateFrom) {
        Instant latest = cursor.map(Moscow::parseWb).orElse(dateFrom);
        for (StatisticsRow row : rows) {
            if (row.lastChangeDate() != null && row.lastChangeDate().isAfter(latest)) {
                latest = row.lastChangeDate();
            }
        }
        return Moscow.formatWbPrecise(latest);
    }
}
