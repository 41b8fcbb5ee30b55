package ru.wbassist.console.testsend;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.console.FakeAdminApi;
import ru.wbassist.console.Fixtures;
import ru.wbassist.console.ImmediateTasks;
import ru.wbassist.console.api.NotificationQuery;
import ru.wbassist.console.api.NotificationRecord;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestSendViewModelTest {

    private final FakeAdminApi api = new FakeAdminApi();
    private final List<Long> sentTo = new ArrayList<>();
    private TestSendViewModel model;

    @BeforeEach
    void load() {
        model = new TestSendViewModel(api, ImmediateTasks.create(), sentTo::add);
        model.refresh();
    }

    @Test
    void previewNamesTheRecipientAndWhatTheirSettingsDo() {
        assertThat(model.userProperty().get().telegramId()).isEqualTo(Fixtures.ANNA);
        assertThat(model.previewProperty().get()).contains("To: Anna (@anna, 111)")
                .contains("Cabinets: Sneakers (owner), Home & Deco (member)").doesNotContain("⚠");

        model.userProperty().set(model.users().get(1));
        model.typeProperty().set("new_order");
        assertThat(model.previewProperty().get()).contains("Language: en")
                .contains("switch new_order notifications off").contains("Quiet hours: 23:00–08:00");

        model.userProperty().set(model.users().get(2));
        assertThat(model.previewProperty().get()).contains("blocked the bot");
    }

    @Test
    void sendQueuesTheNotificationShowsItAndItIsInTheHistory() {
        model.typeProperty().set("negative_review");

        model.send();

        NotificationRecord sent = model.sentProperty().get();
        assertThat(sent).isNotNull();
        assertThat(sent.type()).isEqualTo("negative_review");
        assertThat(sent.status()).isEqualTo("pending");
        assertThat(sent.text()).contains("<b>");
        assertThat(model.messageProperty().get())
                .isEqualTo("Queued test notification #" + sent.id() + " (negative_review) for Anna (@anna, 111).");
        assertThat(sentTo).containsExactly(Fixtures.ANNA);
        assertThat(api.notifications(NotificationQuery.ofUser(Fixtures.ANNA, 10)).items().getFirst().id())
                .isEqualTo(sent.id());
    }

    @Test
    void aFailedSendShowsTheErrorAndNotifiesNobody() {
        TestSendViewModel rejected = new TestSendViewModel(new FakeAdminApi("wrong"), ImmediateTasks.create(), sentTo::add);
        rejected.refresh();

        assertThat(rejected.activity().errorProperty().get()).contains("401");
        assertThat(rejected.canSendBinding().get()).isFalse();
        rejected.send();
        assertThat(rejected.messageProperty().get()).isEqualTo("Pick a user and a type first.");
        assertThat(sentTo).isEmpty();
    }
}
