package ru.wbassist.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;

/** The audits on hand-made rows: they must see a lost, a duplicated and an unexpected message, overlaps and gaps. */
class AuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private int rows;
    private Database db;
    private Connection c;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabases.fresh(DatabaseConfig.Vendor.H2);
        c = db.dataSource().getConnection();
        Sql.update(c, "INSERT INTO users (id, telegram_id) VALUES (1, 501), (2, 502)");
        Sql.update(
                c,
                "INSERT INTO wb_cabinets (id, name, api_key_encrypted, api_key_hash) VALUES (1, 'a', 'x', 'h1'),"
                        + " (2, 'b', 'y', 'h2')");
    }

    @AfterEach
    void close() throws Exception {
        c.close();
        db.close();
    }

    @Test
    void ledgerMatchesDeliveriesToQueuedRowsByChatAndText() throws Exception {
        notification(1, "order 1", "sent");
        notification(1, "order 1", "sent"); // two events with one text: two deliveries are both expected
        notification(2, "order 2", "sent");
        notification(2, "order 3", "pending");
        notification(2, "muted", "skipped");
        JsonNode sent = JSON.readTree("""
                {"sent":[
                  {"chat_id":501,"method":"sendPhoto","caption":"order 1","at":"t"},
                  {"chat_id":501,"method":"sendMessage","text":"order 1","at":"t"},
                  {"chat_id":502,"method":"sendMessage","text":"order 2","at":"t"},
                  {"chat_id":502,"method":"sendMessage","text":"order 2","at":"t"},
                  {"chat_id":502,"method":"editMessageText","text":"order 3","at":"t"},
                  {"chat_id":501,"method":"sendMessage","text":"order 2","at":"t"}
                ]}""");

        DeliveryLedger.Figures figures = DeliveryLedger.audit(c, sent);

        assertThat(figures.expected()).isEqualTo(4);
        assertThat(figures.delivered()).isEqualTo(5);
        assertThat(figures.duplicated()).as("order 2 twice in chat 502").isEqualTo(1);
        assertThat(figures.unexpected()).as("order 2 in the wrong chat").isEqualTo(1);
        assertThat(figures.lost()).as("order 3: an edit is no delivery").isEqualTo(1);
        assertThat(figures.samples()).anyMatch(line -> line.startsWith("LOST") && line.contains("order 3"));
        assertThat(DeliveryLedger.pending(c)).isEqualTo(1);
    }

    @Test
    void syncAuditFindsOverlappingRunsAndLongGaps() throws Exception {
        Duration limit = Duration.ofSeconds(20);
        // cabinet 1: two steps back to back, a run 5 s later, then one overlapping it
        syncLog(1, "products", 30, 32);
        syncLog(1, "stocks", 32, 33);
        syncLog(1, "products", 38, 42);
        syncLog(1, "stocks", 41, 43);
        // cabinet 2: a 40 s pause, then a run cut short and never closed
        syncLog(2, "products", 0, 1);
        syncLog(2, "products", 41, 42);
        syncLog(2, "orders", 43, -1);

        Instant noKill = Instant.MIN;
        SyncAudit.Figures figures = SyncAudit.audit(c, T0.plusSeconds(50), limit, noKill);

        assertThat(figures.cabinets()).isEqualTo(2);
        assertThat(figures.overlaps()).isEqualTo(1);
        assertThat(figures.gapsOverLimit())
                .as("cabinet 2's pause; nothing is longer than the limit after cabinet 1")
                .isEqualTo(1);
        assertThat(figures.maxGap()).isEqualTo(Duration.ofSeconds(40));

        assertThat(figures.orphanedRuns())
                .as("no server was killed: cabinet 2's open run is live")
                .isZero();

        SyncAudit.Figures later = SyncAudit.audit(c, T0.plusSeconds(90), limit, T0.plusSeconds(40));
        assertThat(later.gapsOverLimit()).as("now also cabinet 1's idle end").isEqualTo(2);
        assertThat(later.maxGap()).isEqualTo(Duration.ofSeconds(47));
        assertThat(later.orphanedRuns())
                .as("cabinet 2's open run began after the last kill")
                .isZero();

        SyncAudit.Figures afterKill = SyncAudit.audit(c, T0.plusSeconds(90), limit, T0.plusSeconds(45));
        assertThat(afterKill.orphanedRuns())
                .as("cabinet 2's run began before every live server")
                .isEqualTo(1);
        assertThat(afterKill.samples()).anyMatch(line -> line.startsWith("ORPHANED cabinet 2: orders"));
    }

    private void notification(long userId, String text, String status) throws Exception {
        Sql.update(
                c,
                "INSERT INTO notification_history (user_id, event_type, external_id, text, status)"
                        + " VALUES (?, 'new_order', ?, ?, ?)",
                userId,
                "e" + rows++,
                text,
                status);
    }

    private void syncLog(long cabinetId, String dataSet, int startSecond, int endSecond) throws Exception {
        Sql.update(
                c,
                "INSERT INTO wb_sync_logs (cabinet_id, data_set, status, started_at, completed_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                cabinetId,
                dataSet,
                endSecond < 0 ? "running" : "success",
                T0.plusSeconds(startSecond),
                endSecond < 0 ? null : T0.plusSeconds(endSecond));
    }
}
