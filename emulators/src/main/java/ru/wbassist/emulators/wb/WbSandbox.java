package ru.wbassist.emulators.wb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A local, faithful emulator of the WB seller API ("WB sandbox"): one HTTP port serves the paths of all emulated WB
 * hosts, with WB's tokens, categories, rate limits and error shapes, over a generated shop per seller whose
 * marketplace activity can be generated (history, live ticker) or scripted.
 *
 * <pre>{@code
 * try (WbSandbox sandbox = WbSandbox.start(WbSandbox.Options.defaults().port(0).seed(42).historyDays(0))) {
 *     SandboxSeller seller = sandbox.createSeller("Demo shop");
 *     String srid = seller.shop().placeOrder(nmId, chrtId, "Коледино");
 * }
 * }</pre>
 */
public final class WbSandbox implements AutoCloseable {

    /** Scopes of a seller's default token: Statistics + Content + Feedbacks + Analytics. */
    public static final long DEFAULT_SCOPES =
            Scope.mask(Scope.STATISTICS, Scope.CONTENT, Scope.FEEDBACKS, Scope.ANALYTICS);
    /** WB tokens are valid 180 days. */
    public static final Duration TOKEN_LIFETIME = Duration.ofDays(180);

    private static final System.Logger LOG = System.getLogger(WbSandbox.class.getName());
    private static final long LIVE_TICK_MILLIS = 200;
    private static final LongSupplier SYSTEM_NANOS = System::nanoTime;

    /**
     * Start options. {@code acceleration} 0 means no live ticker (history and scripted events only);
     * {@code secret} null derives the token-signing secret from the seed, so a restarted sandbox with the same
     * seed accepts the tokens it issued before.
     */
    public record Options(
            String host,
            int port,
            long seed,
            int pageCap,
            double acceleration,
            boolean relaxedLimits,
            int historyDays,
            Faults.Settings faults,
            Clock clock,
            LongSupplier limitClock,
            String secret) {

        public Options {
            if (pageCap < 1 || historyDays < 0 || acceleration < 0 || port < 0) {
                throw new IllegalArgumentException("pageCap >= 1, historyDays >= 0, acceleration >= 0, port >= 0");
            }
        }

        /** Leaves the signing secret out, so logging the options never leaks it. */
        @Override
        public String toString() {
            return "Options[host=" + host + ", port=" + port + ", seed=" + seed + ", pageCap=" + pageCap
                    + ", acceleration=" + acceleration + ", relaxedLimits=" + relaxedLimits + ", historyDays="
                    + historyDays + ", faults=" + faults + ", secret=" + (secret == null ? "derived" : "***") + "]";
        }

        public static Options defaults() {
            return new Options(
                    "127.0.0.1",
                    0,
                    42,
                    80_000,
                    0,
                    false,
                    90,
                    Faults.Settings.NONE,
                    Clock.systemUTC(),
                    SYSTEM_NANOS,
                    null);
        }

        public Options host(String host) {
            return with(o -> o.host = host);
        }

        public Options port(int port) {
            return with(o -> o.port = port);
        }

        public Options seed(long seed) {
            return with(o -> o.seed = seed);
        }

        /** Rows per statistics page (WB: 80,000); small values let tests page. */
        public Options pageCap(int pageCap) {
            return with(o -> o.pageCap = pageCap);
        }

        /** Live activity speed: 60 = an hour of a normal shop per real minute; 0 = no live ticker. */
        public Options acceleration(double acceleration) {
            return with(o -> o.acceleration = acceleration);
        }

        /** WB's Personal-token limits × 100, for demos and benchmarks. */
        public Options relaxedLimits(boolean relaxedLimits) {
            return with(o -> o.relaxedLimits = relaxedLimits);
        }

        public Options historyDays(int historyDays) {
            return with(o -> o.historyDays = historyDays);
        }

        public Options faults(Faults.Settings faults) {
            return with(o -> o.faults = faults);
        }

        /** The clock of timestamps and token expiry (a fixed clock makes histories comparable across runs). */
        public Options clock(Clock clock) {
            return with(o -> o.clock = clock);
        }

        /** The monotonic clock of the rate limits (tests stop it to read WB's 429 headers exactly). */
        public Options limitClock(LongSupplier limitClock) {
            return with(o -> o.limitClock = limitClock);
        }

        public Options secret(String secret) {
            return with(o -> o.secret = secret);
        }

        /** Every wither copies through here, so a new option is one field in {@link Copy}, not ten edits. */
        private Options with(Consumer<Copy> change) {
            Copy copy = new Copy(this);
            change.accept(copy);
            return copy.build();
        }

        /** A mutable copy of the options, used only by {@link #with}. */
        private static final class Copy {
            private String host;
            private int port;
            private long seed;
            private int pageCap;
            private double acceleration;
            private boolean relaxedLimits;
            private int historyDays;
            private Faults.Settings faults;
            private Clock clock;
            private LongSupplier limitClock;
            private String secret;

            private Copy(Options o) {
                host = o.host;
                port = o.port;
                seed = o.seed;
                pageCap = o.pageCap;
                acceleration = o.acceleration;
                relaxedLimits = o.relaxedLimits;
                historyDays = o.historyDays;
                faults = o.faults;
                clock = o.clock;
                limitClock = o.limitClock;
                secret = o.secret;
            }

            private Options build() {
                return new Options(
                        host,
                        port,
                        seed,
                        pageCap,
                        acceleration,
                        relaxedLimits,
                        historyDays,
                        faults,
                        clock,
                        limitClock,
                        secret);
            }
        }
    }

    private final Options options;
    private final Tokens tokens;
    private final RateLimiter limiter;
    private final Faults faults;
    private final List<SandboxSeller> sellers = new ArrayList<>();
    private final List<ShopSimulator> simulators = new ArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService ticker;
    private final WbGateway gateway;
    private volatile Duration statisticsLag = Duration.ZERO;

    private WbSandbox(Options options) throws IOException {
        this.options = options;
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.tokens = new Tokens(
                json,
                options.clock(),
                options.secret() != null ? options.secret() : "wb-sandbox-secret-" + options.seed());
        this.limiter = new RateLimiter(options.relaxedLimits(), options.limitClock());
        this.faults = new Faults(options.faults(), options.seed());
        StatisticsApi statistics = new StatisticsApi(options.pageCap(), this::statisticsPublishedUpTo);
        FeedbacksApi feedbacks = new FeedbacksApi(options.clock());
        ContentApi content = new ContentApi();
        AnalyticsApi analytics = new AnalyticsApi();
        CommonApi common = new CommonApi(options.clock());
        PricesApi prices = new PricesApi();
        QuestionsApi questions = new QuestionsApi(options.clock());
        List<WbGateway.Route> routes = List.of(
                new WbGateway.Route("GET", "/api/v1/supplier/orders", LimitGroup.ORDERS, statistics::orders),
                new WbGateway.Route("GET", "/api/v1/supplier/sales", LimitGroup.SALES, statistics::sales),
                new WbGateway.Route("GET", "/api/v1/feedbacks", LimitGroup.FEEDBACKS, feedbacks::list),
                new WbGateway.Route(
                        "GET", "/api/v1/feedbacks/count-unanswered", LimitGroup.FEEDBACKS, feedbacks::countUnanswered),
                new WbGateway.Route("POST", "/api/v1/feedbacks/answer", LimitGroup.FEEDBACKS, feedbacks::answer),
                new WbGateway.Route("GET", "/api/v1/questions", LimitGroup.FEEDBACKS, questions::list),
                new WbGateway.Route("PATCH", "/api/v1/questions", LimitGroup.FEEDBACKS, questions::patch),
                new WbGateway.Route(
                        "GET", "/api/v1/questions/count-unanswered", LimitGroup.FEEDBACKS, questions::countUnanswered),
                new WbGateway.Route("POST", "/content/v2/get/cards/list", LimitGroup.CARDS, content::list),
                new WbGateway.Route(
                        "POST",
                        "/api/analytics/v1/stocks-report/wb-warehouses",
                        LimitGroup.STOCKS_REPORT,
                        analytics::stocksReport),
                new WbGateway.Route("GET", "/api/v2/list/goods/filter", LimitGroup.PRICES, prices::goods),
                new WbGateway.Route("GET", "/api/v2/quarantine/goods", LimitGroup.PRICES, prices::quarantine),
                new WbGateway.Route(
                        "POST",
                        "/api/analytics/v1/order-feed",
                        LimitGroup.ORDER_FEED,
                        new OrderFeedApi(options.clock())::orders),
                new WbGateway.Route("GET", "/ping", LimitGroup.PING, common::ping),
                new WbGateway.Route("GET", "/api/v1/seller-info", LimitGroup.SELLER_INFO, common::sellerInfo));
        this.gateway = new WbGateway(json, routes, tokens, limiter, faults, this::seller, new ControlApi(this, json));
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 0);
        server.createContext("/", gateway);
        server.setExecutor(executor);
        this.ticker = options.acceleration() > 0 ? startTicker() : null;
        server.start();
    }

    public static WbSandbox start(Options options) {
        try {
            return new WbSandbox(options);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the WB sandbox on " + options.host() + ":" + options.port(), e);
        }
    }

    /** {@code http://host:port}: the base URL of every emulated WB host. */
    public String baseUrl() {
        return "http://" + options.host() + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Options options() {
        return options;
    }

    /**
     * Creates a seller with a generated shop (same seed and same creation order → same shop and history) and a
     * default token. With live mode on, the shop keeps trading from now on.
     */
    public synchronized SandboxSeller createSeller(String name) {
        long sellerSeed = options.seed() * 1_000_003L + sellers.size();
        Random shopRandom = new Random(sellerSeed);
        Instant now = clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Instant historyStart = now.minus(Duration.ofDays(options.historyDays()));
        CatalogGenerator catalog = new CatalogGenerator(shopRandom);
        String sid = catalog.seededUuid().toString();
        List<String> brands = catalog.pickBrands();
        SandboxShop shop = new SandboxShop(shopRandom, clock(), catalog.generate(brands, historyStart, now));
        ShopSimulator simulator = new ShopSimulator(shop, new Random(~sellerSeed), historyStart);
        shop.attach(simulator);
        simulator.seedStock();
        simulator.runHistory(now);
        if (options.acceleration() > 0) {
            simulator.startLive(clock().instant(), options.acceleration());
        }
        SandboxSeller seller = new SandboxSeller(
                sid, name, brands.getFirst(), tokens.mint(sid, DEFAULT_SCOPES, now.plus(TOKEN_LIFETIME)), shop);
        sellers.add(seller);
        simulators.add(simulator);
        return seller;
    }

    /**
     * Makes a seller's shop show the foresight features within minutes of live activity (the demo's shop): a best
     * seller selling down (a runway alert, later a critical-stock alert) and frequent price changes. See
     * docs/wb-sandbox.md "The generated shop".
     */
    public synchronized void showcaseForesight(SandboxSeller seller) {
        simulator(seller).showcaseForesight();
    }

    synchronized ShopSimulator simulator(SandboxSeller seller) {
        return simulators.get(sellers.indexOf(seller));
    }

    public synchronized List<SandboxSeller> sellers() {
        return List.copyOf(sellers);
    }

    public synchronized Optional<SandboxSeller> seller(String sid) {
        return sellers.stream().filter(s -> s.sid().equals(sid)).findFirst();
    }

    /** A token for the seller with the given {@code s} bitmask (see {@link Scope#mask}) and expiry. */
    public String mintToken(SandboxSeller seller, long scopeBits, Instant expiresAt) {
        return tokens.mint(seller.sid(), scopeBits, expiresAt);
    }

    /**
     * A plain Base token (WB's {@code acc} 1): WB gives it reduced limits, e.g. one order-feed request per 3 hours.
     */
    public String mintBaseToken(SandboxSeller seller, long scopeBits, Instant expiresAt) {
        return tokens.mint(seller.sid(), scopeBits, expiresAt, Tokens.BASE);
    }

    /**
     * How long after an order, a cancellation or a sale the statistics API shows it (WB refreshes it every 30
     * minutes; the order feed shows everything at once). Zero, the default, publishes at once.
     */
    public void setStatisticsLag(Duration lag) {
        if (lag.isNegative()) {
            throw new IllegalArgumentException("the statistics lag must not be negative");
        }
        statisticsLag = lag;
    }

    public Duration statisticsLag() {
        return statisticsLag;
    }

    private Optional<Instant> statisticsPublishedUpTo() {
        Duration lag = statisticsLag;
        return lag.isZero() ? Optional.empty() : Optional.of(clock().instant().minus(lag));
    }

    /** Revokes a token this sandbox issued; WB answers 401 to it from now on. False if it is not such a token. */
    public boolean revoke(String token) {
        return tokens.revoke(token);
    }

    public Faults faults() {
        return faults;
    }

    public void setRelaxedLimits(boolean relaxed) {
        limiter.setRelaxed(relaxed);
    }

    public boolean relaxedLimits() {
        return limiter.relaxed();
    }

    /** How many requests reached this WB path (whatever their outcome). */
    public long requestCount(String path) {
        return gateway.requestCount(path);
    }

    /** How many requests to this WB path its rate limit refused with 429 (injected faults not counted). */
    public long tooManyRequestsCount(String path) {
        return gateway.tooManyRequestsCount(path);
    }

    Clock clock() {
        return options.clock();
    }

    private ScheduledExecutorService startTicker() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "wb-sandbox-live");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, LIVE_TICK_MILLIS, LIVE_TICK_MILLIS, TimeUnit.MILLISECONDS);
        return scheduler;
    }

    private void tick() {
        List<ShopSimulator> current;
        synchronized (this) {
            current = List.copyOf(simulators);
        }
        try {
            current.forEach(simulator -> simulator.tick(clock().instant()));
        } catch (RuntimeException e) {
            // A failed tick must not stop the ticker: the next one catches up.
            LOG.log(System.Logger.Level.ERROR, "WB sandbox live tick failed", e);
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        server.stop(0);
        executor.close();
    }
}
