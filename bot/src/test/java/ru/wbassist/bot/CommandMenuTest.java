package ru.wbassist.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.wbassist.bot.command.Languages;
import ru.wbassist.bot.i18n.Lang;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.telegram.TelegramMessenger;
import ru.wbassist.bot.testing.FakeServer;

/** Every command in Telegram's menu exists, and every command is in the menu with a text in both languages. */
class CommandMenuTest {

    @Test
    void menuAndCommandsMatch() {
        FakeServer server = new FakeServer();
        var commands = WbAssistBot.commands(server, new TelegramMessenger(null), new Languages(server));

        assertThat(commands.commandNames()).containsExactlyInAnyOrderElementsOf(WbAssistBot.MENU);
        for (String name : WbAssistBot.MENU) {
            for (Lang lang : Lang.values()) {
                assertThat(Texts.of(lang).get("menu." + name)).isNotBlank();
            }
            assertThat(Texts.of(Lang.RU).get("help")).contains("/" + name);
        }
    }
}
