package ru.wbassist.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads the configuration: {@code application.yaml} from the classpath, overridden by environment variables.
 * The table below is the only mapping from variable to key; README's configuration table mirrors it.
 */
public final class Settings {

    /** Environment variable → config key. */
    public static final Map<String, String> ENVIRONMENT = environmentTable();

    private Settings() {}

    public static Config load() {
        return load(System.getenv());
    }

    /** Loads with the given environment (tests pass their own). */
    public static Config load(Map<String, String> environment) {
        Map<String, String> overrides = new HashMap<>();
        ENVIRONMENT.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                overrides.put(key, value);
            }
        });
        String wbBase = environment.get("WB_API_BASE_URL");
        if (wbBase != null && !wbBase.isBlank()) {
            for (String host : new String[] {"statistics", "feedbacks", "content", "analytics", "common", "prices"}) {
                overrides.putIfAbsent("wb.urls." + host, wbBase);
            }
        }
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(overrides))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
    }

    private static Map<String, String> environmentTable() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put("SERVER_HOST", "server.host");
        table.put("SERVER_PORT", "server.port");
        table.put("APP_PROFILE", "app.profile");
        table.put("DATA_DIR", "app.data-dir");
        table.put("API_SECRET_KEY", "app.api-secret");
        table.put("ADMIN_SECRET_KEY", "app.admin-secret");
        table.put("KEY_ENCRYPTION_KEY", "app.key-encryption-key");
        table.put("KEY_ENCRYPTION_KEY_PREVIOUS", "app.previous-key-encryption-keys");
        table.put("DATABASE_URL", "db.url");
        table.put("DATABASE_USER", "db.username");
        table.put("DATABASE_PASSWORD", "db.password");
        table.put("DATABASE_POOL_SIZE", "db.pool-size");
        table.put("SYNC_INTERVAL", "sync.interval");
        table.put("SYNC_ENABLED", "sync.enabled");
        table.put("FEED_ENABLED", "feed.enabled");
        table.put("FEED_INTERVAL", "feed.interval");
        table.put("WB_API_RATE_LIMIT", "wb.rate-limit");
        table.put("WB_API_INTERVAL", "wb.interval");
        table.put("WB_MAX_RESPONSE_BYTES", "wb.max-response-bytes");
        table.put("WB_KEY_CHECKS_PER_MINUTE", "wb.key-checks-per-minute");
        table.put("LONG_POLL_MAX_WAITING", "notifications.max-waiting-polls");
        table.put("WB_STATISTICS_URL", "wb.urls.statistics");
        table.put("WB_FEEDBACKS_URL", "wb.urls.feedbacks");
        table.put("WB_CONTENT_URL", "wb.urls.content");
        table.put("WB_ANALYTICS_URL", "wb.urls.analytics");
        table.put("WB_COMMON_URL", "wb.urls.common");
        table.put("WB_PRICES_URL", "wb.urls.prices");
        return Map.copyOf(table);
    }
}
