package ru.wbassist.server.wb;

import io.helidon.config.Config;
import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The base URL of each WB host ({@code wb.urls.*}; WB_*_URL or WB_API_BASE_URL point them at the sandbox). */
public final class WbHosts {

    private final Map<MethodGroup.Host, URI> bases;

    private WbHosts(Map<MethodGroup.Host, URI> bases) {
        this.bases = bases;
    }

    /**
     * Reads {@code wb.urls.statistics}, {@code .feedbacks}, {@code .content}, {@code .analytics}, {@code .common} and
     * {@code .prices}.
     */
    public static WbHosts from(Config urls) {
        Map<MethodGroup.Host, URI> bases = new EnumMap<>(MethodGroup.Host.class);
        for (MethodGroup.Host host : MethodGroup.Host.values()) {
            String key = host.name().toLowerCase(Locale.ROOT);
            String url = urls.get(key)
                    .asString()
                    .orElseThrow(() -> new IllegalStateException("wb.urls." + key + " is not configured"));
            bases.put(host, parse(url));
        }
        return new WbHosts(bases);
    }

    /** Every host at one base URL (the sandbox serves all of them on one port). */
    public static WbHosts allAt(String baseUrl) {
        Map<MethodGroup.Host, URI> bases = new EnumMap<>(MethodGroup.Host.class);
        for (MethodGroup.Host host : MethodGroup.Host.values()) {
            bases.put(host, parse(baseUrl));
        }
        return new WbHosts(bases);
    }

    /** The absolute URI of a path (with query) on a host. */
    public URI resolve(MethodGroup.Host host, String pathAndQuery) {
        return URI.create(bases.get(host).toString() + pathAndQuery);
    }

    private static URI parse(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri = URI.create(trimmed);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalStateException(
                    "a WB URL must be absolute, e.g. https://statistics-api.wildberries.ru: " + url);
        }
        return uri;
    }
}
