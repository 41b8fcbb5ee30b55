package ru.wbassist.server.insights;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ru.wbassist.api.Cabinets.Cabinet;
import ru.wbassist.api.Insights;
import ru.wbassist.api.Insights.Analytics;
import ru.wbassist.api.Insights.Dashboard;
import ru.wbassist.api.Insights.DayFigures;
import ru.wbassist.api.Insights.Orders;
import ru.wbassist.api.Insights.Reviews;
import ru.wbassist.api.Insights.Sales;
import ru.wbassist.api.Insights.SalesStatistics;
import ru.wbassist.api.Insights.Stocks;
import ru.wbassist.api.Insights.Totals;
import ru.wbassist.api.PerCabinet;
import ru.wbassist.db.Database;
import ru.wbassist.server.http.ApiException;
import ru.wbassist.server.http.Params;
import ru.wbassist.server.insights.Period.Day;

/**
 * The bot's read API under {@code /api/v1/bot}: dashboard, recent orders, critical stock, reviews, sales analytics,
 * recent sales and sales statistics. Every number comes from SQL over the synced tables, in Moscow days as of the
 * injected clock; each answer holds one block per cabinet the viewer asked about.
 */
public final class InsightsService implements HttpService {

    private static final Set<String> ORDER_STATUSES = Set.of("active", "canceled", "buyout", "return");
    private static final Set<String> SALE_TYPES = Set.of("buyout", "return");
    private static final int TOP_PRODUCTS = 5;

    private final Database db;
    private final Viewer.Resolver viewers;
    private final Clock clock;

    public InsightsService(Database db, Viewer.Resolver viewers, Clock clock) {
        this.db = db;
        this.viewers = viewers;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        route(rules, Insights.DASHBOARD, this::dashboard);
        route(rules, Insights.RECENT_ORDERS, this::recentOrders);
        route(rules, Insights.CRITICAL_STOCKS, this::criticalStocks);
        route(rules, Insights.REVIEW_SUMMARY, this::reviewSummary);
        route(rules, Insights.SALES_ANALYTICS, this::salesAnalytics);
        route(rules, Insights.RECENT_SALES, this::recentSales);
        route(rules, Insights.SALES_STATISTICS, this::salesStatistics);
    }

    private static void route(HttpRules rules, String path, Handler handler) {
        rules.get(path, handler).any(path, (req, res) -> {
            throw ApiException.methodNotAllowed("GET");
        });
    }

    private void dashboard(ServerRequest req, ServerResponse res) {
        Viewer viewer = viewers.resolve(req);
        Instant now = clock.instant();
        List<Day> yesterdayAndToday = Day.lastDays(now, 2);
        res.send(perCabinet(viewer, (c, cabinet) -> {
            List<DayFigures> days = Activity.daily(c, cabinet.id(), yesterdayAndToday);
            DayFigures yesterday = days.get(0);
            DayFigures today = days.get(1);
            ReviewFigures.Stats reviews = ReviewFigures.stats(c, cabinet.id(), viewer.negativeReviewThreshold(), now);
            return new Dashboard(
                    cabinet.id(),
                    cabinet.name(),
                    cabinet.lastSyncAt(),
                    today.orders(),
                    yesterday.orders(),
                    today.buyouts(),
                    today.returns(),
                    today.cancellations(),
                    StockFigures.countCritical(c, viewer, cabinet.id()),
                    reviews.newNegative(),
                    reviews.average(),
                    reviews.unanswered(),
                    ReviewFigures.unansweredQuestions(c, cabinet.id()));
        }));
    }

    private void recentOrders(ServerRequest req, ServerResponse res) {
        int limit = Params.intInRange(req, "limit", 1, 100, 10);
        long offset = Params.optionalLong(req, "offset", 0).orElse(0L);
        Optional<String> status = Optional.ofNullable(Params.oneOf(req, "status", ORDER_STATUSES, null));
        Viewer viewer = viewers.resolve(req);
        res.send(perCabinet(
                viewer,
                (c, cabinet) -> new Orders(
                        cabinet.id(),
                        cabinet.name(),
                        RecentLists.countOrders(c, cabinet.id(), status),
                        RecentLists.orders(c, cabinet.id(), status, limit, offset))));
    }

    private void criticalStocks(ServerRequest req, ServerResponse res) {
        int limit = Params.intInRange(req, "limit", 1, 100, 20);
        Viewer viewer = viewers.resolve(req);
        Instant now = clock.instant();
        res.send(perCabinet(
                viewer,
                (c, cabinet) -> new Stocks(
                        cabinet.id(),
                        cabinet.name(),
                        viewer.criticalStockThreshold(),
                        StockFigures.critical(c, viewer, cabinet.id(), limit, now))));
    }

    private void reviewSummary(ServerRequest req, ServerResponse res) {
        int limit = Params.intInRange(req, "limit", 1, 50, 5);
        Viewer viewer = viewers.resolve(req);
        Instant now = clock.instant();
        res.send(perCabinet(viewer, (c, cabinet) -> {
            ReviewFigures.Stats stats = ReviewFigures.stats(c, cabinet.id(), viewer.negativeReviewThreshold(), now);
            return new Reviews(
                    cabinet.id(),
                    cabinet.name(),
                    stats.total(),
                    stats.average(),
                    stats.distribution(),
                    stats.unanswered(),
                    ReviewFigures.latest(c, cabinet.id(), limit));
        }));
    }

    private void salesAnalytics(ServerRequest req, ServerResponse res) {
        Period period = Period.param(req, Period.WEEK);
        Viewer viewer = viewers.resolve(req);
        List<Day> days = period.days(clock.instant());
        res.send(perCabinet(viewer, (c, cabinet) -> {
            List<DayFigures> figures = Activity.daily(c, cabinet.id(), days);
            Totals totals = Activity.totals(figures);
            return new Analytics(
                    cabinet.id(),
                    cabinet.name(),
                    period.code(),
                    figures,
                    totals,
                    new Activity.Settlement(totals.buyouts(), totals.returns()).buyoutRate(),
                    Activity.topProducts(
                            c,
                            cabinet.id(),
                            days.getFirst().start(),
                            days.getLast().end(),
                            TOP_PRODUCTS));
        }));
    }

    private void recentSales(ServerRequest req, ServerResponse res) {
        int limit = Params.intInRange(req, "limit", 1, 100, 10);
        Optional<String> saleType = Optional.ofNullable(Params.oneOf(req, "sale_type", SALE_TYPES, null));
        Viewer viewer = viewers.resolve(req);
        res.send(perCabinet(
                viewer,
                (c, cabinet) ->
                        new Sales(cabinet.id(), cabinet.name(), RecentLists.sales(c, cabinet.id(), saleType, limit))));
    }

    private void salesStatistics(ServerRequest req, ServerResponse res) {
        Period period = Period.param(req, Period.MONTH);
        Viewer viewer = viewers.resolve(req);
        List<Day> days = period.days(clock.instant());
        res.send(perCabinet(viewer, (c, cabinet) -> {
            Activity.Settlement sales = Activity.settlement(
                    c, cabinet.id(), days.getFirst().start(), days.getLast().end());
            return new SalesStatistics(
                    cabinet.id(),
                    cabinet.name(),
                    period.code(),
                    sales.buyouts(),
                    sales.returns(),
                    sales.buyoutRate(),
                    sales.averageCheck());
        }));
    }

    /** One block per cabinet of the viewer, all read on one connection. */
    private <T> PerCabinet<T> perCabinet(Viewer viewer, BlockReader<T> reader) {
        return new PerCabinet<>(db.withConnection(c -> {
            List<T> blocks = new ArrayList<>(viewer.cabinets().size());
            for (Cabinet cabinet : viewer.cabinets()) {
                blocks.add(reader.read(c, cabinet));
            }
            return blocks;
        }));
    }

    @FunctionalInterface
    private interface BlockReader<T> {
        T read(Connection c, Cabinet cabinet) throws SQLException;
    }
}
