package ru.wbassist.server.wb;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.config.Config;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import ru.wbassist.server.metrics.ServerMeters;
import ru.wbassist.server.time.Moscow;

/**
 * The WB seller API client (production and sandbox alike): the data sets the sync stores and the key check used when
 * a cabinet is connected. Paging follows WB's rules per API (docs/wb-api.md); limits and retries are the
 * {@link WbTransport}'s.
 */
public final class WbClient {

    private static final System.Logger LOG = System.getLogger(WbClient.class.getName());

    /** Feedbacks: largest page and largest skip WB accepts. */
    static final int FEEDBACK_PAGE = 5000;

    static final int FEEDBACK_MAX_SKIP = 199_990;
    /** Questions: WB serves at most 10,000 per filter (take + skip ≤ 10,000). */
    static final int QUESTION_PAGE = 5000;

    static final int QUESTION_WINDOW = 10_000;
    /** Cards: largest page. */
    static final int CARD_PAGE = 100;
    /** Stocks report: largest page, and most nmIds per request. */
    static final int STOCK_PAGE = 250_000;
    /** discounts-prices-api pages hold up to 1000 cards. */
    static final int PRICE_PAGE = 1000;

    static final int STOCK_NM_IDS = 1000;

    private static final JavaType ORDERS =
            WbJson.MAPPER.getTypeFactory().constructCollectionType(List.class, WbOrder.class);
    private static final JavaType SALES =
            WbJson.MAPPER.getTypeFactory().constructCollectionType(List.class, WbSale.class);

    private final WbHosts hosts;
    private final WbTransport transport;
    private final int pageCap;

    /** Largest WB answer read by default (wb.max-response-bytes): a full stocks page is well below it. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L * 1024 * 1024;

    /**
     * @param pageCap          the statistics page size WB caps at (80,000): a shorter page is the last one
     * @param maxResponseBytes a longer answer fails its data set for this run instead of filling the heap
     */
    public WbClient(
            WbHosts hosts,
            RateLimiter limiter,
            Duration requestTimeout,
            Duration backoffBase,
            int pageCap,
            long maxResponseBytes,
            ServerMeters meters) {
        this.hosts = hosts;
        this.transport = new WbTransport(
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                limiter,
                requestTimeout,
                backoffBase,
                maxResponseBytes,
                meters);
        this.pageCap = pageCap;
    }

    /** From the {@code wb} configuration section (see application.yaml). */
    public static WbClient from(Config wb, ServerMeters meters) {
        RateLimiter limiter = RateLimiter.published(
                wb.get("rate-limit").asInt().orElse(60),
                Duration.ofMillis(wb.get("interval").asLong().orElse(0L)));
        return new WbClient(
                WbHosts.from(wb.get("urls")),
                limiter,
                Duration.ofSeconds(wb.get("timeout").asLong().orElse(60L)),
                Duration.ofMillis(wb.get("backoff").asLong().orElse(2000L)),
                wb.get("page-cap").asInt().orElse(80_000),
                wb.get("max-response-bytes").asLong().orElse(DEFAULT_MAX_RESPONSE_BYTES),
                meters);
    }

    /** Orders changed since {@code dateFrom} (flag=0), every page, one row per srid (its latest version). */
    public List<WbOrder> orders(WbCredentials credentials, Instant dateFrom) {
        return statistics(credentials, MethodGroup.ORDERS, "/api/v1/supplier/orders", dateFrom, ORDERS);
    }

    /**
     * Sales and returns changed since {@code dateFrom}, one row per saleID. Rows whose saleID prefix is neither
     * {@code S} nor {@code R} are logged and skipped: WB documents no others today.
     */
    public List<WbSale> sales(WbCredentials credentials, Instant dateFrom) {
        List<WbSale> all = statistics(credentials, MethodGroup.SALES, "/api/v1/supplier/sales", dateFrom, SALES);
        List<WbSale> known = new ArrayList<>(all.size());
        for (WbSale sale : all) {
            if (sale.type().isPresent()) {
                known.add(sale);
            } else {
                LOG.log(
                        Level.WARNING,
                        "skipping a sales row with an unknown saleID prefix: {0} (nmId {1})",
                        sale.saleId() == null || sale.saleId().isEmpty()
                                ? "<empty>"
                                : sale.saleId().substring(0, 1),
                        sale.nmId());
            }
        }
        return known;
    }

    /**
     * Pages a statistics data set: {@code dateFrom} is naive Moscow time, a full page continues from the last row's
     * full {@code lastChangeDate}, and because WB filters with {@code >=} the boundary rows come again (deduplicated by
     * key, the later version winning). A page that is short or brings nothing new ends the listing.
     */
    private <T extends StatisticsRow> List<T> statistics(
            WbCredentials credentials, MethodGroup group, String path, Instant dateFrom, JavaType type) {
        Map<String, T> rows = new LinkedHashMap<>();
        String from = Moscow.formatWbPrecise(dateFrom);
        while (true) {
            List<T> page = transport.send(
                    credentials,
                    group,
                    HttpRequest.newBuilder(hosts.resolve(group.host(), path + "?flag=0&dateFrom=" + encode(from)))
                            .GET(),
                    reader(type));
            int fresh = 0;
            Instant last = null;
            for (T row : page) {
                if (row.key() == null || row.key().isEmpty() || row.lastChangeDate() == null) {
                    // a row that cannot be keyed would fail the whole data set's transaction on every run
                    LOG.log(Level.WARNING, "skipping a {0} row without its key or lastChangeDate", group);
                } else {
                    last = row.lastChangeDate();
                    if (rows.put(row.key(), row) == null) {
                        fresh++;
                    }
                }
            }
            if (page.size() < pageCap || fresh == 0) {
                return new ArrayList<>(rows.values());
            }
            from = Moscow.formatWbPrecise(last);
        }
    }

    /**
     * Feedbacks created since {@code dateFrom} (all when null): unanswered first, then answered (a feedback answered
     * in between is then seen twice rather than missed), take/skip paging; one entry per id.
     */
    public List<WbFeedback> feedbacks(WbCredentials credentials, Instant dateFrom) {
        Map<String, WbFeedback> byId = new LinkedHashMap<>();
        for (boolean answered : new boolean[] {false, true}) {
            for (int skip = 0; skip <= FEEDBACK_MAX_SKIP; skip += FEEDBACK_PAGE) {
                String query = "/api/v1/feedbacks?isAnswered=" + answered + "&take=" + FEEDBACK_PAGE + "&skip=" + skip
                        + "&order=dateAsc" + (dateFrom == null ? "" : "&dateFrom=" + dateFrom.getEpochSecond());
                FeedbackEnvelope envelope = transport.send(
                        credentials,
                        MethodGroup.FEEDBACKS,
                        HttpRequest.newBuilder(hosts.resolve(MethodGroup.Host.FEEDBACKS, query))
                                .GET(),
                        reader(FeedbackEnvelope.class));
                if (envelope.error()) {
                    throw new WbException("WB feedbacks answered an error: " + envelope.errorText(), 200, null);
                }
                List<WbFeedback> page =
                        envelope.data() == null || envelope.data().feedbacks() == null
                                ? List.of()
                                : envelope.data().feedbacks();
                page.forEach(f -> byId.put(f.id(), f));
                if (page.size() < FEEDBACK_PAGE) {
                    break;
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    record FeedbackEnvelope(FeedbackData data, boolean error, String errorText) {}

    record FeedbackData(Integer countUnanswered, Integer countArchive, List<WbFeedback> feedbacks) {}

    /**
     * Questions created since {@code dateFrom} (all when null): unanswered first, then answered, oldest first. WB
     * serves at most 10,000 per filter, so a full window continues from the last question's second (ids dedupe).
     */
    public List<WbQuestion> questions(WbCredentials credentials, Instant dateFrom) {
        Map<String, WbQuestion> byId = new LinkedHashMap<>();
        for (boolean answered : new boolean[] {false, true}) {
            Long from = dateFrom == null ? null : dateFrom.getEpochSecond();
            while (true) {
                int fresh = 0;
                int seen = 0;
                Instant last = null;
                for (int skip = 0; skip < QUESTION_WINDOW; skip += QUESTION_PAGE) {
                    String query = "/api/v1/questions?isAnswered=" + answered + "&take=" + QUESTION_PAGE + "&skip="
                            + skip + "&order=dateAsc" + (from == null ? "" : "&dateFrom=" + from);
                    QuestionEnvelope envelope = transport.send(
                            credentials,
                            MethodGroup.FEEDBACKS,
                            HttpRequest.newBuilder(hosts.resolve(MethodGroup.Host.FEEDBACKS, query))
                                    .GET(),
                            reader(QuestionEnvelope.class));
                    if (envelope.error()) {
                        throw new WbException("WB questions answered an error: " + envelope.errorText(), 200, null);
                    }
                    List<WbQuestion> page =
                            envelope.data() == null || envelope.data().questions() == null
                                    ? List.of()
                                    : envelope.data().questions();
                    for (WbQuestion q : page) {
                        if (byId.put(q.id(), q) == null) {
                            fresh++;
                        }
                        last = q.createdDate() == null ? last : q.createdDate();
                    }
                    seen += page.size();
                    if (page.size() < QUESTION_PAGE) {
                        break;
                    }
                }
                if (seen < QUESTION_WINDOW || fresh == 0 || last == null) {
                    break;
                }
                from = last.getEpochSecond();
            }
        }
        return new ArrayList<>(byId.values());
    }

    record QuestionEnvelope(QuestionData data, boolean error, String errorText) {}

    record QuestionData(Integer countUnanswered, Integer countArchive, List<WbQuestion> questions) {}

    /**
     * Answers a review ({@code POST /api/v1/feedbacks/answer}, 204). WB does not check the id. Sent once: a 5xx or a
     * lost answer is not retried, since WB may have taken it.
     */
    public void answerFeedback(WbCredentials credentials, String feedbackId, String text) {
        ObjectNode body = WbJson.MAPPER.createObjectNode().put("id", feedbackId).put("text", text);
        transport.sendOnce(
                credentials,
                MethodGroup.FEEDBACKS,
                HttpRequest.newBuilder(hosts.resolve(MethodGroup.Host.FEEDBACKS, "/api/v1/feedbacks/answer"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /**
     * Answers a question for the storefront ({@code PATCH /api/v1/questions}, state {@code wbRu}); sent once, as
     * {@link #answerFeedback}. An envelope with {@code error: true} is WB's refusal.
     */
    public void answerQuestion(WbCredentials credentials, String questionId, String text) {
        ObjectNode body = WbJson.MAPPER.createObjectNode().put("id", questionId).put("state", "wbRu");
        body.putObject("answer").put("text", text);
        String answer = transport.sendOnce(
                credentials,
                MethodGroup.FEEDBACKS,
                HttpRequest.newBuilder(hosts.resolve(MethodGroup.Host.FEEDBACKS, "/api/v1/questions"))
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
        JsonNode envelope = answer == null || answer.isBlank() ? null : answerEnvelope(answer);
        if (envelope != null && envelope.path("error").asBoolean(false)) {
            throw new WbException(
                    "WB refused the answer: " + envelope.path("errorText").asText(), 200, null);
        }
    }

    /** Cards listed after {@code from}, ascending by update time, with the cursor to continue from next time. */
    public record CardsPage(List<WbCard> cards, CardCursor next) {}

    /** All cards (with and without photos) updated since the cursor, until WB's {@code total < limit}. */
    public CardsPage cards(WbCredentials credentials, CardCursor from) {
        List<WbCard> cards = new ArrayList<>();
        CardCursor cursor = from;
        while (true) {
            ObjectNode request = WbJson.MAPPER.createObjectNode();
            ObjectNode settings = request.putObject("settings");
            settings.putObject("sort").put("ascending", true);
            settings.putObject("filter").put("withPhoto", -1);
            ObjectNode cursorNode = settings.putObject("cursor").put("limit", CARD_PAGE);
            if (!cursor.isStart()) {
                cursorNode.put("updatedAt", cursor.updatedAt()).put("nmID", cursor.nmId());
            }
            CardsResponse page = transport.send(
                    credentials,
                    MethodGroup.CARDS,
                    HttpRequest.newBuilder(
                                    hosts.resolve(MethodGroup.Host.CONTENT, "/content/v2/get/cards/list?locale=ru"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(request.toString())),
                    reader(CardsResponse.class));
            if (page.cards() != null) {
                cards.addAll(page.cards());
            }
            ResponseCursor next = page.cursor();
            if (next != null && next.updatedAt() != null && next.nmId() != null) {
                cursor = new CardCursor(next.updatedAt(), next.nmId());
            }
            if (next == null || next.total() < CARD_PAGE) {
                return new CardsPage(cards, cursor);
            }
        }
    }

    record CardsResponse(List<WbCard> cards, ResponseCursor cursor) {}

    record ResponseCursor(
            String updatedAt, @JsonProperty("nmID") Long nmId, int total) {}

    /**
     * The stocks report for these products (per size and WB warehouse), in requests of at most 1000 nmIds each,
     * paged by offset.
     */
    public List<WbStock> stocks(WbCredentials credentials, List<Long> nmIds) {
        List<WbStock> rows = new ArrayList<>();
        for (int from = 0; from < nmIds.size(); from += STOCK_NM_IDS) {
            List<Long> chunk = nmIds.subList(from, Math.min(nmIds.size(), from + STOCK_NM_IDS));
            for (int offset = 0; ; offset += STOCK_PAGE) {
                ObjectNode request = WbJson.MAPPER.createObjectNode();
                chunk.forEach(request.putArray("nmIds")::add);
                request.put("limit", STOCK_PAGE).put("offset", offset);
                StocksResponse page = transport.send(
                        credentials,
                        MethodGroup.STOCKS_REPORT,
                        HttpRequest.newBuilder(hosts.resolve(
                                        MethodGroup.Host.ANALYTICS, "/api/analytics/v1/stocks-report/wb-warehouses"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(request.toString())),
                        reader(StocksResponse.class));
                List<WbStock> items = page.items() == null ? List.of() : page.items();
                rows.addAll(items);
                if (items.size() < STOCK_PAGE) {
                    break;
                }
            }
        }
        return rows;
    }

    record StocksResponse(List<WbStock> items) {}

    /** Order feed: the largest page WB serves. */
    static final int FEED_PAGE = 10_000;

    /**
     * What the order feed listed since {@code start}: the rows that can be stored, how many WB sent that cannot
     * (logged without the key), the earliest status time among those (null when none or unknown), and the snapshot.
     */
    public record FeedListing(
            List<WbFeedOrder> orders,
            int skipped,
            boolean skippedUndated,
            Instant earliestSkipped,
            String snapshotTime) {}

    /**
     * Every order whose current status changed since {@code start}, newest first, one row per srid. The first page
     * fixes WB's {@code snapshotTime}; the later pages repeat it, so orders changing meanwhile neither shift rows
     * between pages nor appear twice. A plain Base token has its own limit group (one request per 3 hours).
     */
    public FeedListing orderFeed(WbCredentials credentials, boolean baseToken, Instant start) {
        MethodGroup group = feedGroup(baseToken);
        Map<String, WbFeedOrder> rows = new LinkedHashMap<>();
        int skipped = 0;
        boolean undated = false;
        Instant earliestSkipped = null;
        String snapshot = null;
        for (int offset = 0; ; offset += FEED_PAGE) {
            ObjectNode request = WbJson.MAPPER.createObjectNode();
            request.putObject("selectedPeriod")
                    .put(
                            "start",
                            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                    Moscow.toMsk(start.truncatedTo(ChronoUnit.SECONDS))));
            ObjectNode pagination =
                    request.putObject("pagination").put("limit", FEED_PAGE).put("offset", offset);
            if (snapshot != null) {
                pagination.put("snapshotTime", snapshot);
            }
            JsonNode data = transport
                    .send(
                            credentials,
                            group,
                            HttpRequest.newBuilder(
                                            hosts.resolve(MethodGroup.Host.ANALYTICS, "/api/analytics/v1/order-feed"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(request.toString())),
                            reader(JsonNode.class))
                    .path("data");
            if (snapshot == null) {
                snapshot = data.path("snapshotTime").asText(null);
            }
            JsonNode page = data.path("orders");
            for (JsonNode node : page) {
                WbFeedOrder row = feedRow(node);
                Optional<String> defect = row == null ? Optional.of("unreadable fields") : row.defect();
                if (defect.isPresent()) {
                    // logged without the key (it is never in a row) and without the buyer's whereabouts
                    LOG.log(
                            Level.WARNING,
                            "skipping an order-feed row: {0} (nmId {1})",
                            defect.get(),
                            node.path("nmId").asText("?"));
                    skipped++;
                    Instant at = row == null ? null : row.updatedAt();
                    if (at == null) {
                        undated = true;
                    } else if (earliestSkipped == null || at.isBefore(earliestSkipped)) {
                        earliestSkipped = at;
                    }
                } else {
                    rows.putIfAbsent(row.srid(), row);
                }
            }
            if (page.size() < FEED_PAGE || snapshot == null) {
                return new FeedListing(new ArrayList<>(rows.values()), skipped, undated, earliestSkipped, snapshot);
            }
        }
    }

    /** How long the next order-feed request of this cabinet would wait for WB's limit (or a 429's pause). */
    public Duration orderFeedWait(WbCredentials credentials, boolean baseToken) {
        return transport.limiter().waitFor(credentials.limitKey(), feedGroup(baseToken));
    }

    private static MethodGroup feedGroup(boolean baseToken) {
        return baseToken ? MethodGroup.ORDER_FEED_BASE : MethodGroup.ORDER_FEED;
    }

    private static WbFeedOrder feedRow(JsonNode node) {
        try {
            return WbJson.MAPPER.treeToValue(node, WbFeedOrder.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Every card's price (discounts-prices-api). */
    public List<WbPrice> prices(WbCredentials credentials) {
        List<WbPrice> prices = new ArrayList<>();
        for (PricedGood good : pricePages(
                credentials,
                "/api/v2/list/goods/filter",
                PricesEnvelope.class,
                page -> page.data() == null || page.data().listGoods() == null
                        ? List.of()
                        : page.data().listGoods())) {
            if (good.sizes() != null && !good.sizes().isEmpty()) {
                PricedSize size = good.sizes().getFirst();
                prices.add(new WbPrice(good.nmID(), size.price(), good.discount(), size.discountedPrice()));
            }
        }
        return prices;
    }

    /** The cards whose last price upload WB holds in quarantine. */
    public List<WbQuarantine> quarantine(WbCredentials credentials) {
        return pricePages(
                        credentials,
                        "/api/v2/quarantine/goods",
                        QuarantineEnvelope.class,
                        page -> page.data() == null || page.data().quarantineGoods() == null
                                ? List.<QuarantineGood>of()
                                : page.data().quarantineGoods())
                .stream()
                .map(g -> new WbQuarantine(g.nmID(), g.oldPrice(), g.newPrice(), g.oldDiscount(), g.newDiscount()))
                .toList();
    }

    /** Every item of a discounts-prices-api list, {@value #PRICE_PAGE} a page, until a page holds fewer. */
    private <E, T> List<T> pricePages(
            WbCredentials credentials, String path, Class<E> envelope, Function<E, List<T>> items) {
        List<T> all = new ArrayList<>();
        for (int offset = 0; ; offset += PRICE_PAGE) {
            List<T> page = items.apply(transport.send(
                    credentials,
                    MethodGroup.PRICES,
                    HttpRequest.newBuilder(hosts.resolve(
                                    MethodGroup.Host.PRICES, path + "?limit=" + PRICE_PAGE + "&offset=" + offset))
                            .GET(),
                    reader(envelope)));
            all.addAll(page);
            if (page.size() < PRICE_PAGE) {
                return all;
            }
        }
    }

    record PricedSize(BigDecimal price, BigDecimal discountedPrice) {}

    record PricedGood(long nmID, List<PricedSize> sizes, int discount) {}

    record PricesEnvelope(PricesData data) {}

    record PricesData(List<PricedGood> listGoods) {}

    record QuarantineGood(long nmID, BigDecimal newPrice, BigDecimal oldPrice, int newDiscount, int oldDiscount) {}

    record QuarantineEnvelope(QuarantineData data) {}

    record QuarantineData(List<QuarantineGood> quarantineGoods) {}

    /**
     * Checks a key against WB: {@code /ping} on the statistics host (the token's category must match the host), then
     * the seller's name from common-api.
     *
     * @throws WbException.KeyRejected when WB refuses the key
     * @throws WbException.Unreachable when WB cannot be reached
     */
    public SellerInfo checkKey(WbCredentials credentials) {
        JsonNode status = transport.send(
                credentials,
                MethodGroup.PING,
                HttpRequest.newBuilder(hosts.resolve(MethodGroup.Host.STATISTICS, "/ping"))
                        .GET(),
                reader(JsonNode.class));
        if (status == null || !"OK".equalsIgnoreCase(status.path("Status").asText())) {
            throw new WbException("WB ping did not answer OK", 200, null);
        }
        return transport.send(
                credentials,
                MethodGroup.SELLER_INFO,
                HttpRequest.newBuilder(hosts.resolve(MethodGroup.Host.COMMON, "/api/v1/seller-info"))
                        .GET(),
                reader(SellerInfo.class));
    }

    /** WB's envelope around an answer's verdict; an unreadable one means WB took the answer without comment. */
    private static JsonNode answerEnvelope(String body) {
        try {
            return WbJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static <T> WbTransport.BodyReader<T> reader(JavaType type) {
        return body -> WbJson.MAPPER.readValue(body, type);
    }

    private static <T> WbTransport.BodyReader<T> reader(Class<T> type) {
        return reader(WbJson.MAPPER.constructType(type));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
