package ru.wbassist.server.wb;

import java.time.Instant;
import java.util.List;

/**
 * A feedback (review) from {@code /api/v1/feedbacks}. {@code productValuation} is the star rating 1–5;
 * {@code answer}, {@code photoLinks} and the product's article/brand may be null, as WB sends them.
 */
public record WbFeedback(
        String id,
        String text,
        String pros,
        String cons,
        int productValuation,
        Instant createdDate,
        Answer answer,
        String state,
        ProductDetails productDetails,
        Boolean wasViewed,
        List<PhotoLink> photoLinks,
        String userName,
        String matchingSize,
        String orderStatus,
        List<String> bables,
        String subjectName,
        String parentFeedbackId,
        String childFeedbackId) {

    public record Answer(String text, String state, Boolean editable) {}

    public record ProductDetails(
            Long imtId,
            Long nmId,
            String productName,
            String supplierArticle,
            String supplierName,
            String brandName,
            String size) {}

    public record PhotoLink(String fullSize, String miniSize) {}
}
