package ru.wbassist.api;

import java.util.List;

/** The answer of every per-user read route: {@code {"cabinets":[block, …]}}, one block per cabinet. */
public record PerCabinet<T>(List<T> cabinets) {}
