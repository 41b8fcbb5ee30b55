package ru.wbassist.server.answers;

import java.util.Arrays;
import java.util.Optional;

/** What can be answered: a review or a question, each with its table and WB id column. */
public enum ItemKind {
    REVIEW("review", "wb_reviews", "review_id"),
    QUESTION("question", "wb_questions", "question_id");

    private final String code;
    private final String table;
    private final String idColumn;

    ItemKind(String code, String table, String idColumn) {
        this.code = code;
        this.table = table;
        this.idColumn = idColumn;
    }

    /** The name in the API and in {@code wb_answers.item_kind}. */
    public String code() {
        return code;
    }

    /** The kind named {@code code} in the API, if there is one. */
    static Optional<ItemKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    String table() {
        return table;
    }

    String idColumn() {
        return idColumn;
    }
}
