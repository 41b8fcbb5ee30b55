package ru.wbassist.emulators.wb;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A product card of a sandbox shop: what the content API lists and what orders, sales, stocks and reviews refer to.
 * Prices are the seller's list price and discount; WB's own discount ({@code spp}) varies per order.
 */
public record Product(
        long nmId,
        long imtId,
        String nmUuid,
        String title,
        String vendorCode,
        String brand,
        long subjectId,
        String subject,
        String category,
        String color,
        String description,
        int price,
        int discountPercent,
        long incomeId,
        List<Size> sizes,
        List<Photo> photos,
        Instant createdAt,
        Instant updatedAt) {

    public Product {
        sizes = List.copyOf(sizes);
        photos = List.copyOf(photos);
    }

    /** One size of the card: WB's size id, the seller's size label ("0" for size-less goods) and its barcode. */
    public record Size(long chrtId, String techSize, String wbSize, String barcode) {}

    /** The five renditions WB serves for every card photo. */
    public record Photo(String big, String c246x328, String c516x688, String square, String tm) {}

    public Size size(long chrtId) {
        return sizes.stream()
                .filter(s -> s.chrtId() == chrtId)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("unknown chrtId " + chrtId + " for nmId " + nmId));
    }

    /** The main photo ({@code big} rendition of the first photo), or null for a card without photos. */
    public String mainPhotoUrl() {
        return photos.isEmpty() ? null : photos.getFirst().big();
    }

    Product withUpdatedAt(Instant instant) {
        return new Product(
                nmId,
                imtId,
                nmUuid,
                title,
                vendorCode,
                brand,
                subjectId,
                subject,
                category,
                color,
                description,
                price,
                discountPercent,
                incomeId,
                sizes,
                photos,
                createdAt,
                instant);
    }
}
