package ru.wbassist.console.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;

/** Offset paging of a list route: the current page, the total the server reported, and the "1–50 of 230" label. */
public final class Paging {

    private final int pageSize;
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final LongProperty total = new SimpleLongProperty(0);
    private final BooleanBinding hasNext;
    private final BooleanBinding hasPrevious;
    private final StringBinding label;

    public Paging(int pageSize, Texts texts) {
        this.pageSize = pageSize;
        hasNext = Bindings.createBooleanBinding(() -> (long) (page.get() + 1) * pageSize < total.get(), page, total);
        hasPrevious = page.greaterThan(0);
        label = Bindings.createStringBinding(
                () -> {
                    if (total.get() == 0) {
                        return texts.get("paging.none");
                    }
                    long first = (long) page.get() * pageSize + 1;
                    long last = Math.min(total.get(), first + pageSize - 1);
                    return texts.get(
                            "paging.range", String.valueOf(first), String.valueOf(last), String.valueOf(total.get()));
                },
                page,
                total);
    }

    public int limit() {
        return pageSize;
    }

    public int offset() {
        return page.get() * pageSize;
    }

    public void first() {
        page.set(0);
    }

    public boolean next() {
        if (!hasNext.get()) {
            return false;
        }
        page.set(page.get() + 1);
        return true;
    }

    public boolean previous() {
        if (!hasPrevious.get()) {
            return false;
        }
        page.set(page.get() - 1);
        return true;
    }

    public void total(long total) {
        this.total.set(total);
    }

    public BooleanBinding hasNextBinding() {
        return hasNext;
    }

    public BooleanBinding hasPreviousBinding() {
        return hasPrevious;
    }

    public StringBinding labelBinding() {
        return label;
    }
}
