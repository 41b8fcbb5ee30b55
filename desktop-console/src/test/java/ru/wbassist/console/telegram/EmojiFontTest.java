package ru.wbassist.console.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.wbassist.console.telegram.EmojiFont.Run;

/** The bundled emoji font's coverage, read from its cmap, and how text is split between it and the text font. */
class EmojiFontTest {

    @Test
    void theBundledFontHasEveryEmojiTheServerWrites() {
        "🛒💰🏬🕒📊🏷📉🔑🔔🧪⏳❌⭐↩"
                .codePoints()
                .forEach(cp -> assertThat(EmojiFont.covers(cp)).as("U+%X", cp).isTrue());
        // not emoji: the text font draws them
        "→★☆₽–—•…−≥"
                .codePoints()
                .forEach(cp ->
                        assertThat(EmojiFont.drawsEmoji(cp)).as("U+%X", cp).isFalse());
        assertThat(EmojiFont.covers('Ж')).isFalse();
        assertThat(EmojiFont.covers(0x10FFFD)).isFalse();
        assertThat(EmojiFont.covers('#')).as("keycap base").isTrue();
        assertThat(EmojiFont.drawsEmoji('#')).as("but drawn by the text font").isFalse();
    }

    @Test
    void textIsSplitWhereTheFontChanges() {
        assertThat(EmojiFont.runs("🛒 Новый заказ · 1 494 ₽"))
                .containsExactly(new Run("🛒", true), new Run(" Новый заказ · 1 494 ₽", false));
        assertThat(EmojiFont.runs("Склад 🏬 Коледино 🕒"))
                .containsExactly(
                        new Run("Склад ", false),
                        new Run("🏬", true),
                        new Run(" Коледино ", false),
                        new Run("🕒", true));
        assertThat(EmojiFont.runs("plain")).containsExactly(new Run("plain", false));
        assertThat(EmojiFont.runs("")).isEmpty();
    }

    @Test
    void sequencesStayInOneRun() {
        // ⭐ with the emoji variation selector; 🏷️; a ZWJ family; a keycap keeps its base in the text font
        assertThat(EmojiFont.runs("⭐\uFE0F5")).containsExactly(new Run("⭐\uFE0F", true), new Run("5", false));
        assertThat(EmojiFont.runs("a🏷\uFE0Fb"))
                .containsExactly(new Run("a", false), new Run("🏷\uFE0F", true), new Run("b", false));
        assertThat(EmojiFont.runs("👩\u200D💻!")).containsExactly(new Run("👩\u200D💻", true), new Run("!", false));
    }
}
