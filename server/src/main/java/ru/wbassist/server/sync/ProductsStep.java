package ru.wbassist.server.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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
 * run reads only the cards changed since). Upsert by nmId; the image is the card's first photo.
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
        return new Stored(latest.size(), 0);
    }

    private static CardCursor parse(String json) {
        try {
            return CURSOR_JSON.readValue(json, CardCursor.class);
        } catch (IOException e) {
            return CardCursor.START;
        }
    }
}
