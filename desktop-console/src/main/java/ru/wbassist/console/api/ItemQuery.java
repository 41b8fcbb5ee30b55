package ru.wbassist.console.api;

/** Filters and page of GET /api/v1/admin/items-to-answer; null means "any". */
public record ItemQuery(Long cabinetId, String kind, Boolean answered, int limit, int offset) {}
