package ru.wbassist.console.common;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * Which failed rows are new since the view first loaded: a failed row newer than everything the first answer held,
 * or one an earlier answer showed not failed yet (pending, running). Ids grow with time, as the server's identity
 * columns do. A row stays highlighted until the operator selects it.
 */
public final class FreshFailures<T> {

    private final Function<T, Long> id;
    private final Predicate<T> failed;
    private final Set<Long> notFailedYet = new HashSet<>();
    private final ObservableSet<Long> fresh = FXCollections.observableSet();
    private long newestAtStart = -1;

    public FreshFailures(Function<T, Long> id, Predicate<T> failed) {
        this.id = id;
        this.failed = failed;
    }

    /** Takes a newly loaded page. */
    public void update(List<T> rows) {
        boolean first = newestAtStart < 0;
        for (T row : rows) {
            long rowId = id.apply(row);
            if (first) {
                newestAtStart = Math.max(newestAtStart, rowId);
            }
            if (!failed.test(row)) {
                notFailedYet.add(rowId);
            } else if (!first && (rowId > newestAtStart || notFailedYet.remove(rowId))) {
                fresh.add(rowId);
            }
        }
        newestAtStart = Math.max(newestAtStart, 0);
    }

    /** The operator has seen it. */
    public void seen(T row) {
        if (row != null) {
            fresh.remove(id.apply(row));
        }
    }

    public ObservableSet<Long> fresh() {
        return fresh;
    }
}
