package ru.wbassist.console.api;

/** Filters and page of GET /api/v1/admin/answers (the answers sent from WB Assist); null means "any". */
public record AnswerQuery(Long cabinetId, String kind, String status, int limit, int offset) {}
