package ru.wbassist.server.wb;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** A product card from content {@code /content/v2/get/cards/list} (note WB's {@code nmID}/{@code imtID} casing here). */
public record WbCard(
        @JsonProperty("nmID") long nmId,
        @JsonProperty("imtID") Long imtId,
        @JsonProperty("subjectID") Long subjectId,
        String subjectName,
        String vendorCode,
        String brand,
        String title,
        List<Photo> photos,
        List<Size> sizes,
        Instant createdAt,
        Instant updatedAt) {

    /** One photo in WB's sizes; {@code c516x688} suits a Telegram message, {@code big} (900×1200) is the fallback. */
    public record Photo(String big, String c246x328, String c516x688, String square, String tm) {}

    public record Size(@JsonProperty("chrtID") Long chrtId, String techSize, String wbSize, List<String> skus) {}

    /** The image the bot shows: the first photo, 516×688 if WB has it, else the big one; null without photos. */
    public String imageUrl() {
        if (photos == null) {
            return null;
        }
        for (Photo photo : photos) {
            if (photo == null) {
                continue;
            }
            if (photo.c516x688() != null && !photo.c516x688().isBlank()) {
                return photo.c516x688();
            }
            if (photo.big() != null && !photo.big().isBlank()) {
                return photo.big();
            }
        }
        return null;
    }
}
