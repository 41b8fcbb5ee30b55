package ru.wbassist.emulators.wb;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** {@code GET /ping} (any host) and common-api's {@code GET /api/v1/seller-info} (docs/wb-api.md). */
final class CommonApi {

    private static final DateTimeFormatter MSK_WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Clock clock;

    CommonApi(Clock clock) {
        this.clock = clock;
    }

    record Ping(
            @JsonProperty("TS") String ts,
            @JsonProperty("Status") String status) {}

    record SellerInfo(String name, String sid, String tradeMark) {}

    void ping(Call call, SandboxSeller seller) throws IOException {
        String ts = MSK_WITH_OFFSET.format(
                clock.instant().truncatedTo(ChronoUnit.SECONDS).atZone(MskTime.MOSCOW));
        call.respond(200, new Ping(ts, "OK"));
    }

    void sellerInfo(Call call, SandboxSeller seller) throws IOException {
        call.respond(200, new SellerInfo(seller.name(), seller.sid(), seller.tradeMark()));
    }
}
