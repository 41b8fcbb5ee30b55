package ru.wbassist.console.api;

/** The notification settings of a user, as far as the console shows them. */
public record UserSettings(
        boolean notificationsEnabled,
        boolean newOrdersEnabled,
        boolean orderBuyoutsEnabled,
        boolean orderCancellationsEnabled,
        boolean orderReturnsEnabled,
        boolean negativeReviewsEnabled,
        boolean criticalStocksEnabled,
        String quietHoursStart,
        String quietHoursEnd,
        String language) {

    /** Whether the user's settings let this notification type through (types without a switch always pass). */
    public boolean allows(String type) {
        if (!notificationsEnabled) {
            return false;
        }
        return switch (type) {
            case NotificationTypes.NEW_ORDER -> newOrdersEnabled;
            case NotificationTypes.ORDER_BUYOUT -> orderBuyoutsEnabled;
            case NotificationTypes.ORDER_CANCELLATION -> orderCancellationsEnabled;
            case NotificationTypes.ORDER_RETURN -> orderReturnsEnabled;
            case NotificationTypes.NEGATIVE_REVIEW -> negativeReviewsEnabled;
            case NotificationTypes.CRITICAL_STOCK -> criticalStocksEnabled;
            default -> true;
        };
    }
}
