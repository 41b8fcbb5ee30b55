package ru.wbassist.console.api;

import java.util.List;

/** One page of a list route: the rows and how many match in total. */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
