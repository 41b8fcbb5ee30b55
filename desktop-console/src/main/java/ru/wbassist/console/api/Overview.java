package ru.wbassist.console.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** GET /api/v1/admin/overview: counts and the last 14 Moscow days of notifications and orders. */
public record Overview(
        long users,
        long cabinets,
        @JsonProperty("notifications_24h") NotificationStats notifications24h,
        @JsonProperty("notifications_7d") NotificationStats notifications7d,
        @JsonProperty("sync_failures_24h") long syncFailures24h,
        List<TypeDayCount> notificationsPerDay,
        List<DayCount> ordersPerDay) {

    public Overview {
        notificationsPerDay = notificationsPerDay == null ? List.of() : List.copyOf(notificationsPerDay);
        ordersPerDay = ordersPerDay == null ? List.of() : List.copyOf(ordersPerDay);
    }

    public record NotificationStats(Map<String, Long> byStatus, Map<String, Long> byType) {
        public NotificationStats {
            byStatus = byStatus == null ? Map.of() : Map.copyOf(byStatus);
            byType = byType == null ? Map.of() : Map.copyOf(byType);
        }

        public long status(String status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }

    public record TypeDayCount(LocalDate date, String type, long count) {
    }

    public record DayCount(LocalDate date, long count) {
    }
}
