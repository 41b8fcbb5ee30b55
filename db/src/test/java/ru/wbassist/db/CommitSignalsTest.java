package ru.wbassist.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** After-commit hooks (every database) and NOTIFY between processes (PostgreSQL), without polling. */
class CommitSignalsTest {

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private Database open(DatabaseConfig config) {
        Database db = Database.open(config);
        open.add(db);
        return db;
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void hooksRunAfterTheCommitAndARollbackDropsThem(DatabaseConfig.Vendor vendor) {
        Database db = open(TestDatabases.freshConfig(vendor));
        List<Long> seenByHook = new CopyOnWriteArrayList<>();

        db.inTransaction(c -> {
            Sql.update(c, "INSERT INTO users (telegram_id) VALUES (1)");
            // another connection sees the row only once committed: the hook must run after that
            db.afterCommit(
                    c,
                    () -> seenByHook.add(db.withConnection(
                            other -> Sql.queryLong(other, "SELECT COUNT(*) FROM users WHERE telegram_id = 1"))));
            return null;
        });
        assertThat(seenByHook).containsExactly(1L);

        assertThatThrownBy(() -> db.inTransaction(c -> {
                    Sql.update(c, "INSERT INTO users (telegram_id) VALUES (2)");
                    db.afterCommit(c, () -> seenByHook.add(-1L));
                    throw new IllegalStateException("roll back");
                }))
                .hasMessage("roll back");
        assertThat(seenByHook).containsExactly(1L);

        assertThatThrownBy(() -> db.withConnection(c -> {
                    db.afterCommit(c, () -> {});
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCommittedNotifyReachesAnotherProcessAndARolledBackOneDoesNot() throws Exception {
        DatabaseConfig config = TestDatabases.freshConfig(DatabaseConfig.Vendor.POSTGRESQL);
        Database first = open(config);
        Database second = open(config);
        AtomicInteger heard = new AtomicInteger();
        CountDownLatch arrived = new CountDownLatch(1);
        open.add(second.listen("test_channel", () -> {
            heard.incrementAndGet();
            arrived.countDown();
        }));

        assertThatThrownBy(() -> first.inTransaction(c -> {
                    first.notifyOnCommit(c, "test_channel");
                    throw new IllegalStateException("roll back");
                }))
                .hasMessage("roll back");
        first.inTransaction(c -> {
            first.notifyOnCommit(c, "test_channel");
            return null;
        });

        // notifications arrive in commit order: a rolled-back one would have come before the committed one
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(heard.get()).isEqualTo(1);
    }

    @Test
    void onH2NothingIsSentOrHeard() throws Exception {
        Database db = open(TestDatabases.freshConfig(DatabaseConfig.Vendor.H2));
        AtomicInteger heard = new AtomicInteger();
        open.add(db.listen("test_channel", heard::incrementAndGet));
        db.inTransaction(c -> {
            db.notifyOnCommit(c, "test_channel");
            return null;
        });
        assertThat(heard.get()).isZero();
    }
}
