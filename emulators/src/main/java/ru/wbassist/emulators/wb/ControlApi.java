package ru.wbassist.emulators.wb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The sandbox's own control routes under {@code /sandbox/} (not WB paths, no WB auth): sellers, tokens, faults,
 * limits and scripted marketplace events, so another process (demo, chaos run) can drive the sandbox.
 * Errors are {@code {"error": "…"}} with 400 (bad input), 404 (unknown seller/order/review) or 409 (wrong state).
 */
final class ControlApi implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ControlApi.class.getName());
    /** Bulk orders live in memory: a bound keeps a typo from exhausting the heap. */
    private static final int MAX_BULK_ORDERS = 2_000_000;

    private final WbSandbox sandbox;
    private final ObjectMapper json;

    ControlApi(WbSandbox sandbox, ObjectMapper json) {
        this.sandbox = sandbox;
        this.json = json;
    }

    record SellerView(String sid, String name, String tradeMark, String token) {
        static SellerView of(SandboxSeller seller) {
            return new SellerView(seller.sid(), seller.name(), seller.tradeMark(), seller.token());
        }
    }

    record FaultsView(double share429, double share5xx, double shareSlow, long slowDelayMs) {
        static FaultsView of(Faults.Settings s) {
            return new FaultsView(
                    s.share429(), s.share5xx(), s.shareSlow(), s.slowDelay().toMillis());
        }
    }

    /** Unknown seller, order or review. */
    private static final class NotFound extends Exception {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Call call = new Call(exchange, json);
        try {
            route(call, exchange.getRequestURI().getPath().split("/"));
        } catch (Call.BadBody | IllegalArgumentException | DateTimeException e) {
            error(call, 400, e.getMessage());
        } catch (NotFound | NoSuchElementException e) {
            error(call, 404, e.getMessage());
        } catch (IllegalStateException e) {
            error(call, 409, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "sandbox control route failed", e);
            error(call, 500, "the sandbox failed: " + e.getClass().getSimpleName());
        }
    }

    /** Path segments: ["", "sandbox", …]. */
    private void route(Call call, String[] p) throws IOException, Call.BadBody, NotFound {
        String method = call.method();
        String route = method + " " + String.join("/", List.of(p).subList(Math.min(2, p.length), p.length));
        switch (route) {
            case "GET status" -> call.respond(200, status());
            case "GET sellers" ->
                call.respond(200, sandbox.sellers().stream().map(SellerView::of).toList());
            case "POST sellers" ->
                call.respond(201, SellerView.of(sandbox.createSeller(text(call.bodyJson(), "name", "Демо-магазин"))));
            case "POST tokens" -> call.respond(201, Map.of("token", mintToken(call.bodyJson())));
            case "POST tokens/revoke" ->
                call.respond(200, Map.of("revoked", sandbox.revoke(requiredText(call.bodyJson(), "token"))));
            case "GET faults" ->
                call.respond(200, FaultsView.of(sandbox.faults().current()));
            case "PUT faults" -> {
                JsonNode body = call.bodyJson();
                sandbox.faults()
                        .set(
                                body.path("share429").asDouble(0),
                                body.path("share5xx").asDouble(0),
                                body.path("shareSlow").asDouble(0),
                                Duration.ofMillis(body.path("slowDelayMs").asLong(0)));
                call.respond(200, FaultsView.of(sandbox.faults().current()));
            }
            case "PUT statistics-lag" -> {
                JsonNode body = call.bodyJson();
                sandbox.setStatisticsLag(Duration.ofSeconds(requiredLong(body, "seconds")));
                call.respond(200, Map.of("seconds", sandbox.statisticsLag().toSeconds()));
            }
            case "PUT limits" -> {
                sandbox.setRelaxedLimits(call.bodyJson().path("relaxed").asBoolean(false));
                call.respond(200, Map.of("relaxed", sandbox.relaxedLimits()));
            }
            case "GET requests" -> {
                String path = call.query("path").orElseThrow(() -> new IllegalArgumentException("path is required"));
                call.respond(200, Map.of("path", path, "count", sandbox.requestCount(path)));
            }
            default -> {
                if (p.length >= 4 && p[2].equals("sellers")) {
                    sellerRoute(call, seller(p[3]), method, List.of(p).subList(4, p.length));
                } else {
                    error(call, 404, "no such control route: " + method + " " + call.path());
                }
            }
        }
    }

    private void sellerRoute(Call call, SandboxSeller seller, String method, List<String> rest)
            throws IOException, Call.BadBody {
        SandboxShop shop = seller.shop();
        String id = rest.size() >= 2 ? rest.get(1) : "";
        // "orders/<srid>/cancel" → "orders/{id}/cancel"; two segments are a fixed sub-route ("orders/bulk").
        String shape = method + " " + (rest.isEmpty() ? "" : rest.getFirst())
                + (rest.size() >= 3 ? "/{id}/" + rest.get(2) : rest.size() == 2 ? "/" + rest.get(1) : "");
        if (rest.size() > 3) {
            error(call, 404, "no such control route: " + method + " " + call.path());
            return;
        }
        switch (shape) {
            case "GET " -> call.respond(200, SellerView.of(seller));
            case "GET products" -> call.respond(200, shop.products());
            case "POST orders" -> call.respond(201, Map.of("srid", placeOrder(shop, call.bodyJson())));
            case "POST orders/bulk" -> {
                JsonNode body = call.bodyJson();
                int count = body.path("count").asInt(0);
                if (count < 1 || count > MAX_BULK_ORDERS) {
                    throw new IllegalArgumentException("count must be from 1 to " + MAX_BULK_ORDERS);
                }
                List<String> srids = shop.generateOrders(
                        count, Instant.parse(requiredText(body, "from")), Instant.parse(requiredText(body, "to")));
                call.respond(201, Map.of("count", srids.size()));
            }
            case "POST orders/{id}/cancel" -> {
                shop.cancelOrder(id, text(call.bodyJson(), "cancelType", "app"));
                call.respond(200, Map.of("srid", id));
            }
            case "POST orders/{id}/buyout" -> call.respond(200, Map.of("srid", id, "saleId", shop.buyout(id)));
            case "POST orders/{id}/return" ->
                call.respond(
                        200,
                        Map.of(
                                "srid",
                                id,
                                "saleId",
                                shop.returnOrder(
                                        id, call.bodyJson().path("defective").asBoolean(false))));
            case "POST reviews" -> {
                JsonNode body = call.bodyJson();
                call.respond(
                        201,
                        Map.of(
                                "id",
                                shop.addReview(
                                        requiredLong(body, "nmId"),
                                        (int) requiredLong(body, "rating"),
                                        text(body, "text", ""))));
            }
            case "POST reviews/{id}/answer" -> {
                shop.answerReview(id, text(call.bodyJson(), "text", ReviewTexts.DEFAULT_ANSWER));
                call.respond(200, Map.of("id", id));
            }
            case "POST questions" -> {
                JsonNode body = call.bodyJson();
                call.respond(
                        201, Map.of("id", shop.addQuestion(requiredLong(body, "nmId"), requiredText(body, "text"))));
            }
            case "POST questions/{id}/answer" -> {
                shop.answerQuestion(id, text(call.bodyJson(), "text", ReviewTexts.QUESTION_ANSWER));
                call.respond(200, Map.of("id", id));
            }
            case "GET answers/{id}/texts" -> call.respond(200, Map.of("id", id, "texts", shop.answersReceived(id)));
            case "PUT stocks" -> {
                JsonNode body = call.bodyJson();
                long nmId = requiredLong(body, "nmId");
                long chrtId = requiredLong(body, "chrtId");
                String warehouse = requiredText(body, "warehouseName");
                shop.setStock(nmId, chrtId, warehouse, (int) requiredLong(body, "quantity"));
                call.respond(200, Map.of("quantity", shop.stockQuantity(nmId, chrtId, warehouse)));
            }
            case "PUT prices" -> {
                JsonNode body = call.bodyJson();
                long nmId = requiredLong(body, "nmId");
                boolean applied =
                        shop.setPrice(nmId, (int) requiredLong(body, "price"), (int) requiredLong(body, "discount"));
                call.respond(200, Map.of("applied", applied, "quarantined", !applied));
            }
            case "POST stocks/transfer" -> {
                JsonNode body = call.bodyJson();
                long nmId = requiredLong(body, "nmId");
                long chrtId = requiredLong(body, "chrtId");
                String from = requiredText(body, "from");
                String to = requiredText(body, "to");
                shop.transferStock(nmId, chrtId, from, to, (int) requiredLong(body, "quantity"));
                Map<String, Integer> after = new LinkedHashMap<>();
                after.put(from, shop.stockQuantity(nmId, chrtId, from));
                after.put(to, shop.stockQuantity(nmId, chrtId, to));
                call.respond(200, after);
            }
            default -> error(call, 404, "no such control route: " + method + " " + call.path());
        }
    }

    private static String placeOrder(SandboxShop shop, JsonNode body) {
        if (!body.hasNonNull("nmId")) {
            return shop.placeRandomOrder();
        }
        return shop.placeOrder(
                requiredLong(body, "nmId"),
                requiredLong(body, "chrtId"),
                text(body, "warehouseName", Warehouse.MAIN.name()));
    }

    private String mintToken(JsonNode body) throws NotFound {
        SandboxSeller seller = seller(requiredText(body, "sid"));
        long scopes;
        if (body.has("scopes")) {
            scopes = 0;
            for (JsonNode scope : body.get("scopes")) {
                scopes |= Scope.valueOf(scope.asText()).mask();
            }
        } else {
            scopes = body.path("s").asLong(WbSandbox.DEFAULT_SCOPES);
        }
        Instant expiresAt = body.hasNonNull("expiresAt")
                ? Instant.parse(body.get("expiresAt").asText())
                : sandbox.clock()
                        .instant()
                        .plus(Duration.ofSeconds(
                                body.path("expiresInSeconds").asLong(WbSandbox.TOKEN_LIFETIME.toSeconds())));
        return switch (text(body, "type", "personal")) {
            case "personal" -> sandbox.mintToken(seller, scopes, expiresAt);
            case "base" -> sandbox.mintBaseToken(seller, scopes, expiresAt);
            default -> throw new IllegalArgumentException("type must be personal or base");
        };
    }

    private Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("sellers", sandbox.sellers().size());
        status.put("relaxedLimits", sandbox.relaxedLimits());
        status.put("acceleration", sandbox.options().acceleration());
        status.put("statisticsLagSeconds", sandbox.statisticsLag().toSeconds());
        status.put("faults", FaultsView.of(sandbox.faults().current()));
        return status;
    }

    private SandboxSeller seller(String sid) throws NotFound {
        return sandbox.seller(sid).orElseThrow(() -> new NotFound("unknown seller: " + sid));
    }

    private static String text(JsonNode body, String field, String fallback) {
        return body.hasNonNull(field) ? body.get(field).asText() : fallback;
    }

    private static String requiredText(JsonNode body, String field) {
        if (!body.hasNonNull(field) || body.get(field).asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return body.get(field).asText();
    }

    private static long requiredLong(JsonNode body, String field) {
        if (!body.hasNonNull(field) || !body.get(field).canConvertToLong()) {
            throw new IllegalArgumentException(field + " is required and must be an integer");
        }
        return body.get(field).asLong();
    }

    private static void error(Call call, int status, String message) throws IOException {
        if (!call.responded()) {
            call.respond(status, Map.of("error", message == null ? "error" : message));
        }
    }
}
