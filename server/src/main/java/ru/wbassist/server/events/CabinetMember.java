package ru.wbassist.server.events;

/** A user linked to a cabinet, with the thresholds detection needs (their settings, or the defaults). */
public record CabinetMember(long userId, int negativeReviewThreshold, int criticalStockThreshold, int runwayDays) {}
