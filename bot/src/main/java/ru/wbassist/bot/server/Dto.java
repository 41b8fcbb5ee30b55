package ru.wbassist.bot.server;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The server's JSON shapes (docs/api.md), as the bot reads them. Unknown fields are ignored. */
public final class Dto {

    private Dto() {
    }

    public record User(long telegramId, String username, String firstName, String lastName, String language,
                       boolean botBlocked) {
    }

    public record Registration(long telegramId, String username, String firstName, String lastName, String language) {
    }

    public record Cabinet(long id, String name, String role, boolean active, Boolean keyValid, String keyError,
                          OffsetDateTime lastSyncAt, String lastSyncStatus) {
    }

    public record CabinetConnection(Cabinet cabinet, boolean shared) {
    }

    public record Cabinets(List<Cabinet> cabinets) {
    }

    public record CountSum(int count, BigDecimal sum) {
    }

    public record Dashboard(long cabinetId, String name, OffsetDateTime lastSyncAt, CountSum ordersToday,
                            CountSum ordersYesterday, CountSum buyoutsToday, CountSum returnsToday,
                            CountSum cancellationsToday, int criticalStocks, int negativeReviewsNew,
                            Double averageRating, int unansweredReviews) {
    }

    public record Order(String srid, long nmId, String title, String imageUrl, String article, String size,
                        BigDecimal price, BigDecimal finishedPrice, String warehouse, String region, String status,
                        OffsetDateTime orderDate, OffsetDateTime cancelDate) {
    }

    public record Orders(long cabinetId, String name, int total, List<Order> orders) {
    }

    public record WarehouseStock(String name, int quantity, int inWayToClient, int inWayFromClient) {
    }

    public record StockProduct(long nmId, String title, String article, String imageUrl, int total,
                               List<WarehouseStock> warehouses, @JsonProperty("orders_7d") int orders7d,
                               Double daysLeft) {
    }

    public record Stocks(long cabinetId, String name, int threshold, List<StockProduct> products) {
    }

    public record Review(String reviewId, long nmId, String productName, int rating, String text, String pros,
                         String cons, String userName, OffsetDateTime createdDate, boolean isAnswered) {
    }

    public record Reviews(long cabinetId, String name, int total, Double averageRating,
                          Map<String, Integer> distribution, int unanswered, List<Review> latest) {
    }

    public record Day(LocalDate date, CountSum orders, CountSum buyouts, CountSum returns, CountSum cancellations) {
    }

    public record Totals(CountSum orders, CountSum buyouts, CountSum returns, CountSum cancellations) {
    }

    public record TopProduct(long nmId, String title, int count, BigDecimal sum) {
    }

    public record Analytics(long cabinetId, String name, String period, List<Day> days, Totals totals,
                            Double buyoutRate, List<TopProduct> topProducts) {
    }

    public record SyncStarted(long cabinetId, String status) {
    }

    public record DataSetStatus(String dataSet, String status, OffsetDateTime startedAt, OffsetDateTime completedAt,
                                Integer records, String error) {
    }

    public record SyncStatus(long cabinetId, String name, boolean running, OffsetDateTime nextRunAt,
                             List<DataSetStatus> dataSets) {
    }

    public record Settings(boolean notificationsEnabled, boolean newOrdersEnabled, boolean orderBuyoutsEnabled,
                           boolean orderCancellationsEnabled, boolean orderReturnsEnabled,
                           boolean negativeReviewsEnabled, boolean criticalStocksEnabled, boolean groupingEnabled,
                           int maxGroupSize, int groupTimeout, int negativeReviewThreshold, int criticalStockThreshold,
                           String quietHoursStart, String quietHoursEnd, String language) {
    }

    /** One notification to deliver. {@code text} is Telegram HTML within Telegram's limits. */
    public record Notification(long id, long telegramId, Long cabinetId, String type, String text, String imageUrl,
                               OffsetDateTime createdAt, int attempts, int groupSize) {
    }

    public record Pending(List<Notification> items, OffsetDateTime serverTime) {
    }

    public record Delivered(long id, OffsetDateTime sentAt) {
    }

    public record Failed(long id, String error, boolean permanent) {
    }

    public record Ack(List<Delivered> delivered, List<Failed> failed) {
    }

    public record TestQueued(long id, String type) {
    }
}
