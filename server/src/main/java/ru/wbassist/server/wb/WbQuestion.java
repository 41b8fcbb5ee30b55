package ru.wbassist.server.wb;

import java.time.Instant;

/**
 * A buyer's question from {@code /api/v1/questions}. WB names no buyer; {@code answer} is null until the seller
 * answers; {@code state} is {@code suppliersPortalSynch} while new, {@code wbRu} when answered for the storefront,
 * {@code none} when rejected.
 */
public record WbQuestion(
        String id,
        String text,
        Instant createdDate,
        String state,
        Answer answer,
        ProductDetails productDetails,
        Boolean wasViewed,
        Boolean isWarned) {

    public record Answer(String text, Boolean editable, Instant createDate) {}

    public record ProductDetails(
            Long imtId, Long nmId, String productName, String supplierArticle, String supplierName, String brandName) {}

    public boolean isAnswered() {
        return answer != null && answer.text() != null && !answer.text().isBlank();
    }
}
