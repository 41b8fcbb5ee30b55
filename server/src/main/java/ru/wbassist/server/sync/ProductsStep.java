package ru.wbassist.server.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.wbassist.server.events.EventSink;
import ru.wbassist.server.wb.CardCursor;
import ru.wbassist.server.wb.WbCard;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbCredentials;

/**
 * Products from the content API's card listing, continued from WB's own cursor (ascending by update time, so each
 * run reads only the cards changed since). Upsert by nmId; the image is the card's first photo. A changed card's sizes
 * replace its stored ones ({@code wb_product_sizes}, by chrtId: the order feed names a size by that id only).
 */
final class ProductsStep implements DataSetStep<List<WbCard>> {

    private static final ObjectMapper CURSOR_JSON = new ObjectMapper();
    private static final String INSERT = """
            INSERT INTO wb_products (cabinet_id, nm_id, imt_id, vendor_code, title, brand, subject_name, image_url,
                updated_at, synced_at)
            VALUES (?,?,?,?,?,?,?,?,?,?)""";
    private static final String UPDATE = """
            UPDATE wb_products SET imt_id = ?, vendor_code = ?, title = ?, brand = ?, subject_name = ?, image_url = ?,
                updated_at = ?, synced_at = ?
             WHERE cabinet_id = ? AND nm_id = ?""";
    private static final String DELETE_SIZES_OF_CARD =
            "DELETE FROM wb_product_sizes WHERE cabinet_id = ? AND nm_id = ?";
    private static final String DELETE_SIZE = "DELETE FROM wb_product_sizes WHERE cabinet_id = ? AND chrt_id = ?";
    private static final String INSERT_SIZE =
            "INSERT INTO wb_product_sizes (cabinet_id, chrt_id, nm_id, tech_size, wb_size) VALUES (?,?,?,?,?)";

    private final WbClient wb;

    ProductsStep(WbClient wb) {
        this.wb = wb;
    }

    @Override
    public DataSet dataSet() {
        return DataSet.PRODUCTS;
    }

    @Override
    public Fetched<List<WbCard>> fetch(
            WbCredentials credentials, long cabinetId, Optional<String> cursor, Instant now) {
        WbClient.CardsPage page =
                wb.cards(credentials, cursor.map(ProductsStep::parse).orElse(CardCursor.START));
        try {
            return new Fetched<>(page.cards(), CURSOR_JSON.writeValueAsString(page.next()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Stored store(Connection c, long cabinetId, List<WbCard> cards, Optional<EventSink> events, Instant now)
            throws SQLException {
        Map<Long, WbCard> latest = new LinkedHashMap<>();
        cards.forEach(card -> latest.put(card.nmId(), card));
        Set<Long> existing = Jdbc.existing(
                        c, "wb_products", "nm_id", "", cabinetId, latest.keySet(), rs -> Boolean.TRUE)
                .keySet();
        Jdbc.batch(
                c,
                INSERT,
                latest.values().stream()
                        .filter(card -> !existing.contains(card.nmId()))
                        .toList(),
                card -> new Object[] {
                    cabinetId,
                    card.nmId(),
                    card.imtId(),
                    card.vendorCode(),
                    card.title(),
                    card.brand(),
                    card.subjectName(),
                    card.imageUrl(),
                    card.updatedAt(),
                    now
                });
        Jdbc.batch(
                c,
                UPDATE,
                latest.values().stream()
                        .filter(card -> existing.contains(card.nmId()))
                        .toList(),
                card -> new Object[] {
                    card.imtId(),
                    card.vendorCode(),
                    card.title(),
                    card.brand(),
                    card.subjectName(),
                    card.imageUrl(),
                    card.updatedAt(),
                    now,
                    cabinetId,
                    card.nmId()
                });
        storeSizes(c, cabinetId, latest.values());
        return new Stored(latest.size(), 0);
    }

    /** A size WB moved to another card is taken from the old one (the chrtId is the key), the last card listed wins. */
    private static void storeSizes(Connection c, long cabinetId, Collection<WbCard> cards) throws SQLException {
        Map<Long, SizeRow> sizes = new LinkedHashMap<>();
        for (WbCard card : cards) {
            for (WbCard.Size size : card.sizes() == null ? List.<WbCard.Size>of() : card.sizes()) {
                if (size != null && size.chrtId() != null) {
                    sizes.put(size.chrtId(), new SizeRow(card.nmId(), size));
                }
            }
        }
        Jdbc.batch(c, DELETE_SIZES_OF_CARD, cards, card -> new Object[] {cabinetId, card.nmId()});
        Jdbc.batch(c, DELETE_SIZE, sizes.keySet(), chrtId -> new Object[] {cabinetId, chrtId});
        Jdbc.batch(c, INSERT_SIZE, sizes.values(), row -> new Object[] {
            cabinetId,
            row.size().chrtId(),
            row.nmId(),
            row.size().techSize(),
            row.size().wbSize()
        });
    }

    private record SizeRow(long nmId, WbCard.Size size) {}

    private static CardCursor parse(String json) {
        try {
            return CURSOR_JSON.readValue(json, CardCursor.class);
        } catch (IOException e) {
            return CardCursor.START;
        }
    }
}
