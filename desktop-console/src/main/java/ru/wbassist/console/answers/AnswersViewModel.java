package ru.wbassist.console.answers;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ru.wbassist.api.Admin;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.api.AnswerQuery;
import ru.wbassist.console.api.ItemQuery;
import ru.wbassist.console.common.Activity;
import ru.wbassist.console.common.Choice;
import ru.wbassist.console.common.MoscowTime;
import ru.wbassist.console.common.Names;
import ru.wbassist.console.common.Paging;
import ru.wbassist.console.common.Tasks;
import ru.wbassist.console.common.Texts;

/**
 * Reviews and questions: the items to answer with their answer state (filters: cabinet, kind, answered or not), and
 * the history of the answers sent from WB Assist (who sent what, when, and WB's verdict) for the same cabinet and
 * kind, each paged; the selected row's details in full.
 */
public final class AnswersViewModel {

    public static final int PAGE_SIZE = 50;

    private final AdminApi api;
    private final Texts texts;
    private final Activity itemsActivity;
    private final Activity answersActivity;
    private final Paging itemPaging;
    private final Paging answerPaging;
    private final ObservableList<Admin.ItemToAnswer> items = FXCollections.observableArrayList();
    private final ObservableList<Admin.SentAnswer> answers = FXCollections.observableArrayList();
    private final ObservableList<Choice<Long>> cabinetChoices;
    private final ObservableList<Choice<String>> kindChoices;
    private final ObservableList<Choice<Boolean>> answeredChoices;
    private final ObservableList<Choice<String>> answerStatusChoices;
    private final ObjectProperty<Choice<Long>> cabinet;
    private final ObjectProperty<Choice<String>> kind;
    private final ObjectProperty<Choice<Boolean>> answered;
    private final ObjectProperty<Choice<String>> answerStatus;
    private final ObjectProperty<Admin.ItemToAnswer> selectedItem = new SimpleObjectProperty<>();
    private final ObjectProperty<Admin.SentAnswer> selectedAnswer = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");

    public AnswersViewModel(AdminApi api, Tasks tasks, Texts texts) {
        this.api = api;
        this.texts = texts;
        this.itemsActivity = new Activity(tasks);
        this.answersActivity = new Activity(tasks);
        this.itemPaging = new Paging(PAGE_SIZE, texts);
        this.answerPaging = new Paging(PAGE_SIZE, texts);
        cabinetChoices = FXCollections.observableArrayList(Choice.any(texts.get("common.all_cabinets")));
        kindChoices = FXCollections.observableArrayList(
                Choice.list(texts.get("answers.all_kinds"), Admin.ITEM_KINDS, k -> texts.get("kind." + k), k -> k));
        answeredChoices = FXCollections.observableArrayList(
                Choice.any(texts.get("answers.answered_any")),
                new Choice<>(texts.get("answers.unanswered"), false),
                new Choice<>(texts.get("answers.answered"), true));
        answerStatusChoices = FXCollections.observableArrayList(Choice.list(
                texts.get("common.any_status"), Admin.ANSWER_STATUSES, s -> texts.get("answer_status." + s), s -> s));
        cabinet = new SimpleObjectProperty<>(cabinetChoices.getFirst());
        kind = new SimpleObjectProperty<>(kindChoices.getFirst());
        answered = new SimpleObjectProperty<>(answeredChoices.getFirst());
        answerStatus = new SimpleObjectProperty<>(answerStatusChoices.getFirst());
        List.of(cabinet, kind)
                .forEach(filter -> filter.addListener((obs, old, now) -> {
                    itemPaging.first();
                    answerPaging.first();
                    refresh();
                }));
        answered.addListener((obs, old, now) -> {
            itemPaging.first();
            refreshItems();
        });
        answerStatus.addListener((obs, old, now) -> {
            answerPaging.first();
            refreshAnswers();
        });
        selectedItem.addListener((obs, old, item) -> {
            if (item != null) {
                details.set(describe(item));
            }
        });
        selectedAnswer.addListener((obs, old, answer) -> {
            if (answer != null) {
                details.set(describe(answer));
            }
        });
    }

    /** Loads the cabinet choices and both lists. */
    public void refreshAll() {
        itemsActivity.perform(() -> api.cabinets(null, 500, 0).items(), this::applyCabinets, failure -> {});
        refresh();
    }

    public void refresh() {
        refreshItems();
        refreshAnswers();
    }

    private void refreshItems() {
        ItemQuery query = itemQuery();
        itemsActivity.load(() -> api.itemsToAnswer(query), page -> {
            itemPaging.total(page.total());
            Admin.ItemToAnswer before = selectedItem.get();
            items.setAll(page.items());
            selectedItem.set(
                    before == null
                            ? null
                            : items.stream()
                                    .filter(i -> i.cabinetId() == before.cabinetId()
                                            && i.kind().equals(before.kind())
                                            && i.itemId().equals(before.itemId()))
                                    .findFirst()
                                    .orElse(null));
        });
    }

    private void refreshAnswers() {
        AnswerQuery query = answerQuery();
        answersActivity.load(() -> api.answers(query), page -> {
            answerPaging.total(page.total());
            Long before =
                    selectedAnswer.get() == null ? null : selectedAnswer.get().id();
            answers.setAll(page.items());
            selectedAnswer.set(answers.stream()
                    .filter(a -> before != null && a.id() == before)
                    .findFirst()
                    .orElse(null));
        });
    }

    public void nextItems() {
        if (itemPaging.next()) {
            refreshItems();
        }
    }

    public void previousItems() {
        if (itemPaging.previous()) {
            refreshItems();
        }
    }

    public void nextAnswers() {
        if (answerPaging.next()) {
            refreshAnswers();
        }
    }

    public void previousAnswers() {
        if (answerPaging.previous()) {
            refreshAnswers();
        }
    }

    ItemQuery itemQuery() {
        return new ItemQuery(
                cabinet.get().value(),
                kind.get().value(),
                answered.get().value(),
                itemPaging.limit(),
                itemPaging.offset());
    }

    AnswerQuery answerQuery() {
        return new AnswerQuery(
                cabinet.get().value(),
                kind.get().value(),
                answerStatus.get().value(),
                answerPaging.limit(),
                answerPaging.offset());
    }

    private void applyCabinets(List<Admin.CabinetRow> cabinets) {
        Long current = cabinet.get() == null ? null : cabinet.get().value();
        cabinetChoices.setAll(Choice.list(
                texts.get("common.all_cabinets"),
                cabinets,
                c -> c.name() + " (#" + c.id() + ")",
                Admin.CabinetRow::id));
        Choice.select(cabinetChoices, current, cabinet);
    }

    /** "★★☆☆☆" for a review's rating; empty for a question. */
    public String rating(Admin.ItemToAnswer item) {
        return item.rating() == null ? "" : "★".repeat(item.rating()) + "☆".repeat(5 - item.rating());
    }

    /** The answer state column: answered or not, and how the latest answer from WB Assist went. */
    public String state(Admin.ItemToAnswer item) {
        String state = texts.get(item.answered() ? "answers.answered" : "answers.unanswered");
        if (item.answerStatus() != null) {
            return state + " · " + texts.get("answers.via_us", statusLabel(item.answerStatus()));
        }
        return item.answered() ? state + " · " + texts.get("answers.on_wb") : state;
    }

    /** "Anna (@anna, 111)" for the sender of an answer; "— (111)" when the user is gone. */
    public String sender(Admin.SentAnswer answer) {
        return Names.user(answer.telegramId(), answer.username(), answer.firstName());
    }

    public String statusLabel(String status) {
        return status == null ? "" : texts.get("answer_status." + status);
    }

    public String kindLabel(String kind) {
        return texts.get("kind." + kind);
    }

    private String describe(Admin.ItemToAnswer item) {
        StringBuilder text = new StringBuilder(texts.get(
                "answers.item_details",
                kindLabel(item.kind()),
                item.itemId(),
                item.cabinetName(),
                item.product() == null ? "—" : item.product(),
                String.valueOf(item.nmId()),
                MoscowTime.format(item.createdDate())));
        if (item.buyer() != null) {
            text.append('\n').append(texts.get("answers.buyer", item.buyer()));
        }
        if (item.rating() != null) {
            text.append('\n').append(texts.get("answers.rating", rating(item)));
        }
        text.append("\n\n").append(item.text() == null ? "" : item.text());
        text.append("\n\n").append(state(item));
        if (item.answerText() != null) {
            text.append('\n').append(texts.get("answers.answer", item.answerText()));
        }
        if (item.answeredBy() != null) {
            text.append('\n')
                    .append(texts.get(
                            "answers.sent_by",
                            String.valueOf(item.answeredBy()),
                            MoscowTime.format(item.answeredAt())));
        }
        return text.toString();
    }

    private String describe(Admin.SentAnswer answer) {
        StringBuilder text = new StringBuilder(texts.get(
                "answers.answer_details",
                String.valueOf(answer.id()),
                kindLabel(answer.kind()),
                answer.itemId(),
                answer.cabinetName(),
                answer.product() == null ? "—" : answer.product(),
                sender(answer),
                MoscowTime.format(answer.createdAt()),
                statusLabel(answer.status())));
        if (answer.wbStatus() != null) {
            text.append('\n').append(texts.get("answers.wb_status", String.valueOf(answer.wbStatus())));
        }
        if (answer.wbError() != null) {
            text.append('\n').append(texts.get("answers.wb_error", answer.wbError()));
        }
        if (answer.itemText() != null) {
            text.append("\n\n").append(texts.get("answers.to", answer.itemText()));
        }
        text.append("\n\n").append(texts.get("answers.answer", answer.text()));
        return text.toString();
    }

    public ObservableList<Admin.ItemToAnswer> items() {
        return items;
    }

    public ObservableList<Admin.SentAnswer> answers() {
        return answers;
    }

    public Paging itemPaging() {
        return itemPaging;
    }

    public Paging answerPaging() {
        return answerPaging;
    }

    public ObservableList<Choice<Long>> cabinetChoices() {
        return cabinetChoices;
    }

    public ObservableList<Choice<String>> kindChoices() {
        return kindChoices;
    }

    public ObservableList<Choice<Boolean>> answeredChoices() {
        return answeredChoices;
    }

    public ObservableList<Choice<String>> answerStatusChoices() {
        return answerStatusChoices;
    }

    public ObjectProperty<Choice<Long>> cabinetProperty() {
        return cabinet;
    }

    public ObjectProperty<Choice<String>> kindProperty() {
        return kind;
    }

    public ObjectProperty<Choice<Boolean>> answeredProperty() {
        return answered;
    }

    public ObjectProperty<Choice<String>> answerStatusProperty() {
        return answerStatus;
    }

    public ObjectProperty<Admin.ItemToAnswer> selectedItemProperty() {
        return selectedItem;
    }

    public ObjectProperty<Admin.SentAnswer> selectedAnswerProperty() {
        return selectedAnswer;
    }

    /** The selected item's or answer's details (the one selected last). */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public Activity itemsActivity() {
        return itemsActivity;
    }

    public Activity answersActivity() {
        return answersActivity;
    }
}
