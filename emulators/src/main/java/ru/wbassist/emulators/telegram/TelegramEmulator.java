package ru.wbassist.emulators.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Telegram Bot API server for tests and the demo: the real path scheme ({@code /bot<token>/<method>}), the
 * {@code ok/result} envelope, Telegram's limits and error texts. Tests drive it from Java ({@link #injectMessage},
 * {@link #sent}, …); other processes use the same operations under {@code /emulator/...} (see {@link ControlRoutes}).
 */
public final class TelegramEmulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TelegramEmulator.class.getName());
    private static final Pattern BOT_PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z]+)/?$");

    /** Start options; {@link #defaults()} matches Telegram's published limits. */
    public static final class Options {
        private int port = 8081;
        private String token = "123456:TEST-TOKEN";
        private double globalRate = 30;
        private double perChatRate = 1;
        private int perChatBurst = 3;
        private LongSupplier nanoClock = System::nanoTime;

        private Options() {}

        public static Options defaults() {
            return new Options();
        }

        /** The port to listen on; 0 picks a free one. */
        public Options port(int port) {
            this.port = port;
            return this;
        }

        /** The only bot token accepted; any other answers 401. */
        public Options token(String token) {
            this.token = token;
            return this;
        }

        /** Messages per second for the whole bot. */
        public Options globalRate(double messagesPerSecond) {
            this.globalRate = messagesPerSecond;
            return this;
        }

        /** Messages per second in one chat. */
        public Options perChatRate(double messagesPerSecond) {
            this.perChatRate = messagesPerSecond;
            return this;
        }

        /** How many messages a chat may get at once before the per-chat rate applies. */
        public Options perChatBurst(int messages) {
            this.perChatBurst = messages;
            return this;
        }

        /** The monotonic clock of the rate limits (tests stop it to count a burst exactly). */
        public Options floodClock(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
            return this;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final BotApi api;

    private TelegramEmulator(Options options) throws IOException {
        this.token = options.token;
        FloodControl flood =
                new FloodControl(options.globalRate, options.perChatRate, options.perChatBurst, options.nanoClock);
        this.api = new BotApi(json, Clock.systemUTC(), botId(options.token), flood);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port), 0);
        server.setExecutor(executor);
        ControlRoutes control = new ControlRoutes(this, json);
        server.createContext("/", exchange -> {
            try (exchange) {
                try {
                    if (exchange.getRequestURI().getPath().startsWith("/emulator/")) {
                        control.handle(exchange);
                    } else {
                        handleBotApi(exchange);
                    }
                } catch (RuntimeException e) {
                    // a bug here must not look like a network failure to the client: answer like the Bot API would
                    LOG.log(System.Logger.Level.WARNING, "emulator request failed", e);
                    send(
                            exchange,
                            500,
                            json.createObjectNode()
                                    .put("ok", false)
                                    .put("error_code", 500)
                                    .put("description", "Internal Server Error"));
                }
            }
        });
        server.start();
    }

    public static TelegramEmulator start(Options options) {
        try {
            return new TelegramEmulator(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Telegram emulator on port " + options.port, e);
        }
    }

    /** The Bot API base URL, e.g. {@code http://127.0.0.1:8081}; calls go to {@code baseUrl()/bot<token>/<method>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A user writes {@code text} (a command when it starts with "/") in the private chat {@code chatId}. */
    public JsonNode injectMessage(long chatId, TelegramUser from, String text) {
        return api.injectMessage(chatId, from, text);
    }

    /** The user presses an inline button with {@code data} under the bot's message {@code messageId}. */
    public JsonNode injectCallback(long chatId, long messageId, String data) {
        return api.injectCallback(chatId, messageId, data);
    }

    /** The user presses the button labelled with {@code label} (or containing it) on the newest message that has one. */
    public JsonNode pressButton(long chatId, String label) {
        return api.pressButton(chatId, label);
    }

    /**
     * The chat as a web page (what {@code GET /emulator/chats/{chat}} serves): the user's messages and presses, the
     * bot's messages, edits and keyboards, in order, from the first step that touched message {@code fromMessageId}.
     */
    public String chatPage(long chatId, long fromMessageId) {
        return ChatPage.render(chatId, api.events(chatId, fromMessageId));
    }

    /** The answer to a callback query: empty while unanswered, the text (maybe "") once answered. */
    public Optional<String> callbackAnswer(String callbackQueryId) {
        return api.callbackAnswer(callbackQueryId);
    }

    /** Everything the bot did in a chat, in order. */
    public List<SentMessage> sent(long chatId) {
        return api.sent(chatId);
    }

    public List<SentMessage> allSent() {
        return api.allSent();
    }

    /** How many 429 answers the flood control gave. */
    /** getUpdates calls waiting for an update now (a test waits for the bot's long poll before acting). */
    public int waitingPolls() {
        return api.waitingPolls();
    }

    public long tooManyRequestsCount() {
        return api.tooManyRequestsCount();
    }

    /** The user blocks the bot: sends to the chat answer 403 until {@link #unblock} or the user writes again. */
    public void block(long chatId) {
        api.setBlocked(chatId, true);
    }

    public void unblock(long chatId) {
        api.setBlocked(chatId, false);
    }

    /** sendPhoto with this URL answers 400 "failed to get HTTP URL content", as for a dead image link. */
    public void makeUnfetchable(String photoUrl) {
        api.makeUnfetchable(photoUrl);
    }

    @Override
    public void close() {
        api.stop();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handleBotApi(HttpExchange exchange) throws IOException {
        Matcher path = BOT_PATH.matcher(exchange.getRequestURI().getRawPath());
        ObjectNode answer;
        int status;
        try {
            if (!path.matches()) {
                throw BotApiException.notFound();
            }
            if (!token.equals(path.group(1))) {
                throw BotApiException.unauthorized();
            }
            RequestParams params = RequestParams.parse(
                    json,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestBody().readAllBytes());
            JsonNode result = api.call(path.group(2), params);
            answer = json.createObjectNode().put("ok", true);
            answer.set("result", result);
            status = 200;
        } catch (BotApiException e) {
            answer = json.createObjectNode()
                    .put("ok", false)
                    .put("error_code", e.errorCode())
                    .put("description", e.description());
            if (e.retryAfter() != null) {
                answer.putObject("parameters").put("retry_after", e.retryAfter());
                exchange.getResponseHeaders().set("Retry-After", e.retryAfter().toString());
            }
            status = e.errorCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException e) {
            answer = json.createObjectNode()
                    .put("ok", false)
                    .put("error_code", 400)
                    .put("description", "Bad Request: can't parse request body");
            status = 400;
        }
        send(exchange, status, answer);
    }

    void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static long botId(String token) {
        int colon = token.indexOf(':');
        try {
            return Long.parseLong(colon < 0 ? token : token.substring(0, colon));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
