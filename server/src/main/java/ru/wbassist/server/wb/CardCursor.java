package ru.wbassist.server.wb;

/**
 * Where a card listing continues: WB's {@code cursor.updatedAt} (echoed exactly as WB sent it) and {@code nmID}.
 * The empty cursor starts from the beginning.
 */
public record CardCursor(String updatedAt, Long nmId) {

    public static final CardCursor START = new CardCursor(null, null);

    public boolean isStart() {
        return updatedAt == null || nmId == null;
    }
}
