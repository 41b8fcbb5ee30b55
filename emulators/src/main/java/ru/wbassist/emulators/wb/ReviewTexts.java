package ru.wbassist.emulators.wb;

import java.util.List;
import java.util.Random;

/**
 * Russian buyer texts for generated reviews, picked by the star rating so that texts and stars agree, and for
 * buyers' questions.
 */
final class ReviewTexts {

    record Texts(String text, String pros, String cons) {}

    private static final List<List<String>> TEXTS = List.of(
            List.of(
                    "Ужасное качество, вернула в тот же день.", "Пришло с браком, продавец не отвечает.",
                    "Совсем не соответствует описанию. Не рекомендую.", "Развалилось после первого использования."),
            List.of(
                    "Качество так себе, за эти деньги ожидала большего.",
                    "Размер не совпал, цвет тусклее, чем на фото.",
                    "Упаковка была порвана, товар мятый."),
            List.of(
                    "Нормально, но есть недочёты.",
                    "Средне. Носить можно, но не в восторге.",
                    "Цвет немного отличается, в целом терпимо."),
            List.of(
                    "Хороший товар, доставка быстрая.",
                    "Всё подошло, качество хорошее, но есть мелкие нитки.",
                    "Неплохо за свою цену, рекомендую."),
            List.of(
                    "Отличное качество, всё как на фото!",
                    "Спасибо, всё подошло, буду заказывать ещё.",
                    "Очень довольна покупкой, советую!",
                    "Супер! Пришло быстро, упаковано аккуратно.",
                    ""));
    private static final List<String> PROS = List.of("", "Качество", "Цена", "Удобный", "Быстрая доставка", "Мягкий");
    private static final List<String> CONS = List.of("", "Нет", "Маломерит", "Запах", "Долгая доставка", "Тонкий");
    private static final List<String> NAMES = List.of(
            "Анна",
            "Мария",
            "Елена",
            "Ольга",
            "Наталья",
            "Светлана",
            "Ирина",
            "Дмитрий",
            "Алексей",
            "Сергей",
            "Николай",
            "Екатерина",
            "Татьяна",
            "Юлия",
            "Покупатель");
    /** Cumulative share of ratings 1..5: WB reviews skew positive. */
    private static final int[] RATING_CUMULATIVE_PERCENT = {8, 13, 21, 38, 100};

    private static final List<String> QUESTIONS = List.of(
            "Подскажите, маломерит или в размер?",
            "Когда будет поступление других цветов?",
            "Какой состав ткани?",
            "Можно ли стирать в машинке?",
            "Есть ли гарантия на товар?",
            "Какой рост у модели на фото?",
            "Подойдёт ли на подарок, есть упаковка?");

    static final String QUESTION_ANSWER = "Здравствуйте! Спасибо за вопрос, ответили в описании товара.";
    static final String DEFAULT_ANSWER = "Спасибо за отзыв! Рады, что вы выбрали наш магазин.";

    private ReviewTexts() {}

    static int rating(Random random) {
        int roll = random.nextInt(100);
        for (int stars = 1; stars <= 5; stars++) {
            if (roll < RATING_CUMULATIVE_PERCENT[stars - 1]) {
                return stars;
            }
        }
        return 5;
    }

    static Texts texts(Random random, int rating) {
        List<String> pool = TEXTS.get(rating - 1);
        return new Texts(
                pool.get(random.nextInt(pool.size())),
                rating >= 3 ? PROS.get(random.nextInt(PROS.size())) : "",
                rating <= 3 ? CONS.get(1 + random.nextInt(CONS.size() - 1)) : CONS.get(random.nextInt(2)));
    }

    static String question(Random random) {
        return QUESTIONS.get(random.nextInt(QUESTIONS.size()));
    }

    static String userName(Random random) {
        return NAMES.get(random.nextInt(NAMES.size()));
    }
}
