package ru.wbassist.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Admin;
import ru.wbassist.console.api.ItemQuery;
import ru.wbassist.console.api.NotificationQuery;
import ru.wbassist.console.api.SyncLogQuery;
import ru.wbassist.console.telegram.TelegramHtml;

/** The demo data set behind --demo-data: consistent, and every view has something telling to show. */
class DemoDataTest {

    private final DemoData data = DemoData.generate(Instant.parse("2026-11-27T09:00:00Z"));
    private final InMemoryAdminApi api = new InMemoryAdminApi(data);

    @Test
    void idsFollowCreationAndEveryRowBelongsToAKnownUserAndCabinet() {
        List<Admin.NotificationEntry> notifications = data.notifications();
        assertThat(notifications).isSortedAccordingTo(Comparator.comparing(Admin.NotificationEntry::createdAt));
        assertThat(notifications)
                .extracting(Admin.NotificationEntry::id)
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, notifications.size())
                        .boxed()
                        .toList());
        Set<Long> users = data.users().stream().map(Admin.UserRow::telegramId).collect(Collectors.toSet());
        assertThat(notifications).allSatisfy(n -> assertThat(users).contains(n.telegramId()));
        data.members()
                .values()
                .forEach(members -> members.forEach(m -> assertThat(users).contains(m.telegramId())));
    }

    @Test
    void everyViewHasTellingRows() {
        Admin.Overview overview = api.overview();
        assertThat(overview.notificationsPerDay()).isNotEmpty();
        assertThat(overview.ordersPerDay()).hasSize(14);
        assertThat(overview.syncFailures24h()).isPositive();
        assertThat(api.syncLogs(new SyncLogQuery(null, null, "failed", null, null, 10, 0))
                        .total())
                .isPositive();
        assertThat(api.notifications(new NotificationQuery(null, null, null, "skipped", null, null, 10, 0))
                        .items())
                .extracting(Admin.NotificationEntry::suppressedReason)
                .contains("bot_blocked");
        assertThat(data.cabinets())
                .anySatisfy(c -> assertThat(c.lastSyncStatus()).isNull());
        assertThat(data.cabinets())
                .extracting(c -> c.liveOrders().state())
                .containsExactly("on", "on", "off", "slowed", "pending");
        assertThat(api.itemsToAnswer(new ItemQuery(null, "question", false, 10, 0))
                        .total())
                .isPositive();
        assertThat(api.itemsToAnswer(new ItemQuery(null, "review", true, 10, 0)).total())
                .isPositive();
        assertThat(data.answers()).extracting(Admin.SentAnswer::status).contains("sent", "refused", "failed");
    }

    @Test
    void itemsShowTheLatestAnswerSentFromWbAssistForThem() {
        assertThat(data.answers())
                .allSatisfy(answer -> assertThat(data.itemsToAnswer())
                        .filteredOn(i -> i.itemId().equals(answer.itemId()))
                        .singleElement()
                        .satisfies(item -> {
                            assertThat(item.cabinetId()).isEqualTo(answer.cabinetId());
                            assertThat(item.answerStatus()).isEqualTo(answer.status());
                            assertThat(item.answerText()).isEqualTo(answer.text());
                            assertThat(item.answeredBy()).isEqualTo(answer.telegramId());
                            assertThat(item.answered())
                                    .isEqualTo(answer.status().equals("sent"));
                            assertThat(answer.createdAt()).isAfter(item.createdDate());
                        }));
    }

    @Test
    void textsAreTelegramHtmlThatParsesToReadableText() {
        assertThat(data.notifications()).allSatisfy(n -> {
            String plain = TelegramHtml.plainText(n.text());
            assertThat(plain).doesNotContain("<b>", "</", "&amp;").isNotBlank();
        });
    }
}
