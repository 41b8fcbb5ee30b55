package ru.wbassist.server.wb;

/**
 * A row of the analytics stocks report ({@code stocks-report/wb-warehouses}): one size in one WB warehouse.
 * WB currently answers {@code warehouseName "Склад WB"}, {@code warehouseId -999999} (no per-warehouse detail).
 */
public record WbStock(
        long nmId,
        long chrtId,
        Long warehouseId,
        String warehouseName,
        String regionName,
        int quantity,
        int inWayToClient,
        int inWayFromClient) {}
