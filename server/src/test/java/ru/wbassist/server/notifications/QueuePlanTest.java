package ru.wbassist.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;

/**
 * Fan-out's own reads of the queue go through the per-user index (user_id, status, id) on PostgreSQL, with a history
 * far larger than the pending rows: the schema has no other per-user index and no group_id index on that promise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueuePlanTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    private Database db;

    @BeforeAll
    void load() {
        db = TestDatabases.fresh(DatabaseConfig.Vendor.POSTGRESQL);
        db.withConnection(c -> {
            // 50 users × 4,000 rows: all sent but every 997th, a pending group leader (about 4 per user).
            Sql.execute(c, """
                    INSERT INTO notification_history (user_id, cabinet_id, event_id, event_type, external_id, text,
                                                      created_at, status, deliver_after, group_id)
                    SELECT 1 + g % 50, 1 + g % 3, g, 'new_order', 'srid-' || g, 'text', TIMESTAMPTZ '2026-11-01 00:00Z',
                           CASE WHEN g % 997 = 0 THEN 'pending' ELSE 'sent' END, TIMESTAMPTZ '2026-11-28 00:00Z',
                           CASE WHEN g % 997 = 0 THEN g END
                      FROM generate_series(1, 200000) AS g""");
            Sql.execute(c, "ANALYZE notification_history");
            return null;
        });
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void theOpenGroupLookUpProbesTheUsersPendingRows() {
        assertUsesTheUserQueueIndex(FanOut.OPEN_GROUP, 48L, "new_order", 2L, NOW);
    }

    @Test
    void aGroupsMembersAreFoundAmongTheUsersPendingRows() {
        assertUsesTheUserQueueIndex(FanOut.MEMBER_FACTS, 48L, 997L);
    }

    private void assertUsesTheUserQueueIndex(String sql, Object... params) {
        List<String> lines = db.withConnection(c -> explain(c, sql, params));
        String plan = String.join("\n", lines);
        assertThat(plan)
                .as(plan)
                .contains("ix_notification_user_queue")
                .doesNotContain("Seq Scan on notification_history");
    }

    private static List<String> explain(Connection c, String sql, Object[] params) throws SQLException {
        return Sql.query(c, "EXPLAIN " + sql, rs -> rs.getString(1), params);
    }
}
