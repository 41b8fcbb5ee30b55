package ru.wbassist.emulators.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The real TelegramBots 9.2 client against the emulator: what the bot module relies on. */
class TelegramBotsClientTest {

    private static final String TOKEN = "123:ABC";
    private static final long CHAT = 4242;

    private TelegramEmulator emulator;
    private TelegramClient telegram;

    @BeforeEach
    void start() {
        emulator = TelegramEmulator.start(
                TelegramEmulator.Options.defaults().port(0).token(TOKEN));
        telegram = new OkHttpTelegramClient(
                new OkHttpClient(), TOKEN, new TelegramUrl("http", "127.0.0.1", emulator.port(), false));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void libraryCallsWorkAndParseTheAnswers() throws Exception {
        assertThat(telegram.execute(new GetMe()).getUserName()).isEqualTo("wbassist_emulator_bot");
        assertThat(telegram.execute(new DeleteWebhook())).isTrue();

        InlineKeyboardMarkup keyboard = InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder()
                        .text("Вкл")
                        .callbackData("s:t:1")
                        .build()))
                .build();
        Message sent = telegram.execute(SendMessage.builder()
                .chatId(CHAT)
                .text("<b>Настройки</b>")
                .parseMode("HTML")
                .replyMarkup(keyboard)
                .build());
        assertThat(sent.getMessageId()).isEqualTo(1);
        assertThat(sent.getChatId()).isEqualTo(CHAT);

        telegram.execute(EditMessageText.builder()
                .chatId(CHAT)
                .messageId(sent.getMessageId())
                .text("<b>Настройки 2</b>")
                .parseMode("HTML")
                .replyMarkup(keyboard)
                .build());
        telegram.execute(DeleteMessage.builder()
                .chatId(CHAT)
                .messageId(sent.getMessageId())
                .build());

        assertThat(emulator.sent(CHAT))
                .extracting(SentMessage::method)
                .containsExactly("sendMessage", "editMessageText", "deleteMessage");
        assertThat(emulator.sent(CHAT).get(1).callbackData()).containsExactly("s:t:1");
    }

    @Test
    void photoUploadAndPhotoUrlBothArrive() throws Exception {
        byte[] png = png();
        Message uploaded = telegram.execute(SendPhoto.builder()
                .chatId(CHAT)
                .photo(new InputFile(new ByteArrayInputStream(png), "chart.png"))
                .caption("<i>7 дней</i>")
                .parseMode("HTML")
                .build());
        telegram.execute(SendPhoto.builder()
                .chatId(CHAT + 1)
                .photo(new InputFile("https://img.example/card.webp"))
                .caption("Заказ")
                .build());

        assertThat(uploaded.getPhoto()).isNotEmpty();
        SentMessage upload = emulator.sent(CHAT).getFirst();
        assertThat(upload.photo()).isEqualTo("upload:chart.png");
        assertThat(upload.photoBytes()).isEqualTo(png);
        assertThat(upload.caption()).isEqualTo("<i>7 дней</i>");
        assertThat(emulator.sent(CHAT + 1).getFirst().photo()).isEqualTo("https://img.example/card.webp");
    }

    @Test
    void errorsSurfaceAsTelegramApiRequestExceptionsWithRetryAfter() throws Exception {
        emulator.close();
        emulator = TelegramEmulator.start(
                TelegramEmulator.Options.defaults().port(0).token(TOKEN).floodClock(() -> 0));
        telegram = new OkHttpTelegramClient(
                new OkHttpClient(), TOKEN, new TelegramUrl("http", "127.0.0.1", emulator.port(), false));
        for (int i = 0; i < 3; i++) { // the burst; the clock stands still, so the chat regains nothing
            telegram.execute(SendMessage.builder().chatId(CHAT).text("m" + i).build());
        }
        assertThatThrownBy(() -> telegram.execute(
                        SendMessage.builder().chatId(CHAT).text("m3").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(1);
                });

        emulator.block(CHAT + 1);
        assertThatThrownBy(() -> telegram.execute(
                        SendMessage.builder().chatId(CHAT + 1).text("x").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(403);
                    assertThat(e.getApiResponse()).isEqualTo("Forbidden: bot was blocked by the user");
                });
    }

    @Test
    void injectedUpdatesParseAsCommandsAndCallbacks() throws Exception {
        long messageId = telegram.execute(
                        SendMessage.builder().chatId(CHAT).text("menu").build())
                .getMessageId();
        emulator.injectMessage(CHAT, TelegramUser.of(CHAT, "Олег").withLanguage("en"), "/start now");
        String queryId = emulator.injectCallback(CHAT, messageId, "a:b")
                .at("/callback_query/id")
                .asText();

        List<Update> updates = telegram.execute(GetUpdates.builder().timeout(1).build());

        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).getMessage().isCommand()).isTrue();
        assertThat(updates.get(0).getMessage().getFrom().getLanguageCode()).isEqualTo("en");
        assertThat(updates.get(1).getCallbackQuery().getData()).isEqualTo("a:b");
        assertThat(updates.get(1).getCallbackQuery().getMessage().getMessageId())
                .isEqualTo((int) messageId);

        telegram.execute(AnswerCallbackQuery.builder()
                .callbackQueryId(queryId)
                .text("ok")
                .build());
        assertThat(emulator.callbackAnswer(queryId)).contains("ok");
    }

    @Test
    void blockingTheBotSendsAMyChatMemberUpdateLikeTelegram() throws Exception {
        emulator.block(CHAT);
        emulator.block(CHAT);
        emulator.unblock(CHAT);

        List<Update> updates = telegram.execute(GetUpdates.builder().timeout(1).build());

        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).getMyChatMember().getNewChatMember().getStatus())
                .isEqualTo("kicked");
        assertThat(updates.get(0).getMyChatMember().getChat().getId()).isEqualTo(CHAT);
        assertThat(updates.get(1).getMyChatMember().getNewChatMember().getStatus())
                .isEqualTo("member");
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
