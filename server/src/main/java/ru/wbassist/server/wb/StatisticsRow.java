package ru.wbassist.server.wb;

import java.time.Instant;

/** A statistics row: paged by {@code lastChangeDate}, unique by its key (srid for orders, saleID for sales). */
public interface StatisticsRow {

    Instant lastChangeDate();

    String key();
}
