package ru.wbassist.emulators.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.emulators.wb.WbHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void parallelClientsReadConsistentDataWhileTheLiveTickerAndScriptsWrite() throws Exception {
        try (WbSandbox sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                        .seed(21)
                        .historyDays(10)
                        .acceleration(3_600)
                        .relaxedLimits(true));
                ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<SandboxSeller> sellers = List.of(sandbox.createSeller("A"), sandbox.createSeller("B"));
            WbHttp http = new WbHttp(sandbox.baseUrl());
            List<Future<Integer>> results = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                SandboxSeller seller = sellers.get(client % 2);
                results.add(clients.submit(() -> {
                    int rows = 0;
                    for (int i = 0; i < 15; i++) {
                        seller.shop().placeRandomOrder();
                        HttpResponse<String> orders = http.get(
                                "/api/v1/supplier/orders?dateFrom="
                                        + MskTime.naive(Instant.now().minus(Duration.ofHours(2))),
                                seller.token());
                        assertThat(orders.statusCode()).isEqualTo(200);
                        JsonNode page = json(orders);
                        String previous = "";
                        for (JsonNode row : page) {
                            assertThat(row.get("lastChangeDate").asText()).isGreaterThanOrEqualTo(previous);
                            previous = row.get("lastChangeDate").asText();
                        }
                        rows = page.size();
                        assertThat(http.post("/api/analytics/v1/stocks-report/wb-warehouses", seller.token(), "{}")
                                        .statusCode())
                                .isEqualTo(200);
                    }
                    return rows;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isPositive();
            }
            for (SandboxSeller seller : sellers) {
                assertThat(seller.shop().orderCount()).isGreaterThanOrEqualTo(60);
                seller.shop().stockRows().forEach(row -> {
                    assertThat(row.level().quantity()).isNotNegative();
                    assertThat(row.level().inWayToClient()).isNotNegative();
                });
            }
            assertThat(sandbox.requestCount("/api/v1/supplier/orders")).isEqualTo(8 * 15);
        }
    }
}
