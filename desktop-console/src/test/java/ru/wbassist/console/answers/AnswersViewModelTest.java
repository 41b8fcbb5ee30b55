package ru.wbassist.console.answers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Admin;
import ru.wbassist.console.FakeAdminApi;
import ru.wbassist.console.ImmediateTasks;
import ru.wbassist.console.common.Choice;
import ru.wbassist.console.common.Language;
import ru.wbassist.console.common.Texts;

class AnswersViewModelTest {

    private AnswersViewModel model;

    @BeforeEach
    void load() {
        model = new AnswersViewModel(new FakeAdminApi(), ImmediateTasks.create(), Texts.english());
        model.refreshAll();
    }

    @Test
    void listsReviewsAndQuestionsNewestFirstWithTheirAnswerState() {
        assertThat(model.items()).extracting(Admin.ItemToAnswer::itemId).containsExactly("R1", "Q1", "R2", "Q2", "R3");
        assertThat(model.itemPaging().labelBinding().get()).isEqualTo("1–5 of 5");
        assertThat(model.items())
                .extracting(model::state)
                .containsExactly(
                        "unanswered · WB Assist: not delivered",
                        "unanswered · WB Assist: WB refused",
                        "answered · WB Assist: sent",
                        "answered · on WB's site",
                        "answered · on WB's site");
        assertThat(model.items()).extracting(model::rating).containsExactly("★★☆☆☆", "", "★☆☆☆☆", "", "★★★★★");
    }

    @Test
    void filtersNarrowTheItemsAndTheHistoryTogether() {
        pick(model.answeredChoices(), false, model.answeredProperty());
        assertThat(model.items()).extracting(Admin.ItemToAnswer::itemId).containsExactly("R1", "Q1");
        assertThat(model.answers()).hasSize(3); // the history is not about the answered filter

        pick(model.kindChoices(), "question", model.kindProperty());
        assertThat(model.items()).extracting(Admin.ItemToAnswer::itemId).containsExactly("Q1");
        assertThat(model.answers()).extracting(Admin.SentAnswer::itemId).containsExactly("Q1");

        pick(model.kindChoices(), null, model.kindProperty());
        pick(model.answeredChoices(), null, model.answeredProperty());
        pick(model.cabinetChoices(), 2L, model.cabinetProperty());
        assertThat(model.items()).extracting(Admin.ItemToAnswer::itemId).containsExactly("R3");
        assertThat(model.answers()).isEmpty();
        assertThat(model.cabinetChoices())
                .extracting(Choice::label)
                .containsExactly("All cabinets", "Sneakers (#1)", "Home & Deco (#2)", "Kids wear (#3)");
    }

    @Test
    void theHistoryShowsWhoSentWhatWhenAndWbsVerdict() {
        assertThat(model.answers()).extracting(Admin.SentAnswer::id).containsExactly(3L, 2L, 1L);
        assertThat(model.answers())
                .extracting(model::sender)
                .containsExactly("Boris (@boris, 222)", "Anna (@anna, 111)", "Anna (@anna, 111)");

        pick(model.answerStatusChoices(), "refused", model.answerStatusProperty());
        assertThat(model.answers()).extracting(Admin.SentAnswer::id).containsExactly(2L);
        assertThat(model.items()).hasSize(5); // the status filter is the history's

        model.selectedAnswerProperty().set(model.answers().getFirst());
        assertThat(model.detailsProperty().get()).isEqualTo("""
                        Answer #2 to question Q1 · Sneakers
                        Product: Trail boots
                        Sent by: Anna (@anna, 111) at 27.11.2026 11:40:00
                        Status: WB refused
                        WB answered HTTP 400
                        Reason given by WB: WB: the answer is too short

                        To: Are they waterproof?

                        Answer: Ok""");
    }

    @Test
    void theSelectedItemsDetailsShowItInFullWithItsAnswer() {
        model.selectedItemProperty().set(model.items().getFirst());

        assertThat(model.detailsProperty().get()).isEqualTo("""
                        review R1 · Sneakers
                        Product: Running shoes (nm 501)
                        Created: 27.11.2026 11:00:00
                        Buyer: Olga
                        Rating: ★★☆☆☆

                        The sole came off after a week

                        unanswered · WB Assist: not delivered
                        Answer: Sorry! We will replace them
                        Sent from WB Assist by Telegram user 222 at 27.11.2026 11:50:00""");

        model.refresh();
        assertThat(model.selectedItemProperty().get()).isEqualTo(model.items().getFirst()); // kept across a refresh
    }

    @Test
    void labelsAreRussianInRussian() {
        AnswersViewModel russian =
                new AnswersViewModel(new FakeAdminApi(), ImmediateTasks.create(), Texts.of(Language.RU));
        russian.refreshAll();
        assertThat(russian.kindChoices())
                .extracting(Choice::label)
                .containsExactly("Отзывы и вопросы", "отзыв", "вопрос");
        assertThat(russian.items().get(1).itemId()).isEqualTo("Q1");
        assertThat(russian.state(russian.items().get(1))).isEqualTo("без ответа · WB Assist: WB отклонил");
        assertThat(russian.answerStatusChoices())
                .extracting(Choice::label)
                .containsExactly("Любой статус", "отправляется", "отправлен", "WB отклонил", "не доставлен");
    }

    @Test
    void aFailedLoadShowsTheErrorAndKeepsNothingStale() {
        AnswersViewModel rejected =
                new AnswersViewModel(new FakeAdminApi("wrong-secret"), ImmediateTasks.create(), Texts.english());
        rejected.refreshAll();
        assertThat(rejected.items()).isEmpty();
        assertThat(rejected.itemsActivity().errorProperty().get()).contains("401");
        assertThat(rejected.answersActivity().errorProperty().get()).contains("401");
    }

    private static <T> void pick(
            java.util.List<Choice<T>> choices, T value, javafx.beans.property.ObjectProperty<Choice<T>> filter) {
        filter.set(choices.stream()
                .filter(c -> java.util.Objects.equals(c.value(), value))
                .findFirst()
                .orElseThrow());
    }
}
