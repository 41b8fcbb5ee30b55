package ru.wbassist.emulators.wb;

import java.util.List;
import java.util.NoSuchElementException;

/** A WB (FBW) warehouse the sandbox keeps stock in. Ids and names follow WB's office list. */
public record Warehouse(long id, String name, String regionName) {

    static final List<Warehouse> ALL = List.of(
            new Warehouse(507, "Коледино", "Центральный"),
            new Warehouse(117501, "Подольск", "Центральный"),
            new Warehouse(120762, "Электросталь", "Центральный"),
            new Warehouse(117986, "Казань", "Приволжский"),
            new Warehouse(130744, "Краснодар", "Южный"),
            new Warehouse(1733, "Екатеринбург - Испытателей 14г", "Уральский"));

    /** The main warehouse: every generated size starts with stock here, so scripted orders can always go there. */
    static final Warehouse MAIN = ALL.getFirst();

    static Warehouse byName(String name) {
        return ALL.stream()
                .filter(w -> w.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("unknown warehouse: " + name));
    }
}
