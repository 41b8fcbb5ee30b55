package ru.wbassist.console.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;

/** An entry of a filter combo box: what it shows and the value it filters by (null: no filter). */
public record Choice<T>(String label, T value) {

    public static <T> Choice<T> any(String label) {
        return new Choice<>(label, null);
    }

    /** "Any …" first, then one entry per value. */
    public static <T, V> List<Choice<V>> list(
            String anyLabel, List<T> items, Function<T, String> label, Function<T, V> value) {
        List<Choice<V>> choices = new ArrayList<>();
        choices.add(any(anyLabel));
        items.forEach(item -> choices.add(new Choice<>(label.apply(item), value.apply(item))));
        return choices;
    }

    /**
     * After the choices were replaced, points the filter at the entry with the same value again (or "any"), so a
     * refresh of the choices keeps what the operator picked; equal records do not fire a change.
     */
    public static <V> void select(List<Choice<V>> choices, V value, ObjectProperty<Choice<V>> filter) {
        filter.set(choices.stream()
                .filter(c -> Objects.equals(c.value(), value))
                .findFirst()
                .orElse(choices.getFirst()));
    }

    @Override
    public String toString() {
        return label;
    }
}
