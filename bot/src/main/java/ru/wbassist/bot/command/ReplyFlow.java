package ru.wbassist.bot.command;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import ru.wbassist.api.Answers;
import ru.wbassist.api.Html;
import ru.wbassist.api.Notifications;
import ru.wbassist.bot.i18n.Lang;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.server.ServerException;
import ru.wbassist.bot.telegram.Messenger;

/**
 * Answering a review or a question from Telegram. "Ответить" (under a notification, /reviews or /questions) starts
 * a draft in that chat: the cabinet's templates as buttons, or the user's own text; then the final answer with
 * "Отправить" / "Изменить" / "Отмена". The server sends it to WB; the message is edited to say it was sent, or why
 * not. A refusal or an outage keeps the draft, so the user can send it again or edit it. One draft per chat; its
 * idempotency key makes a double tap (or a retry) send the answer once.
 */
public final class ReplyFlow implements CallbackHandler, FreeTextHandler {

    static final String PREFIX = "rp";
    private static final int MAX_CALLBACK_BYTES = 64;
    private static final int MAX_ANSWER = 4000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One chat's reply in progress. */
    private record Draft(
            long cabinetId,
            Kind kind,
            String itemId,
            String header,
            List<Answers.FilledTemplate> templates,
            String text,
            String key) {

        Draft withText(String newText) {
            return new Draft(cabinetId, kind, itemId, header, templates, newText, key);
        }
    }

    /** Reviews or questions: the letter in callback data and the server's path segment. */
    enum Kind {
        REVIEW('r', "reviews"),
        QUESTION('q', "questions");

        private final char letter;
        private final String path;

        Kind(char letter, String path) {
            this.letter = letter;
            this.path = path;
        }

        static Kind of(String letter) {
            return letter.equals("q") ? QUESTION : REVIEW;
        }

        static Kind ofNotificationType(String type) {
            return "new_question".equals(type) ? QUESTION : REVIEW;
        }
    }

    private final ServerClient server;
    private final Messenger messenger;
    private final Map<Long, Draft> drafts = new ConcurrentHashMap<>();
    /** Chats whose answer is on its way to the server now. */
    private final Set<Long> sending = ConcurrentHashMap.newKeySet();

    public ReplyFlow(ServerClient server, Messenger messenger) {
        this.server = server;
        this.messenger = messenger;
    }

    /** The "Ответить" button under a negative-review or question notification, or null when it has none. */
    public static InlineKeyboardMarkup notificationKeyboard(Notifications.Item item) {
        if (item.replyTo() == null || item.cabinetId() == null) {
            return null;
        }
        Lang lang = Lang.fromCode(item.language());
        return startButton(
                Texts.of(lang == null ? Lang.RU : lang).get("reply.button"),
                Kind.ofNotificationType(item.type()),
                item.cabinetId(),
                item.replyTo());
    }

    /** The start button for one item, or null when its id does not fit Telegram's 64-byte callback data. */
    static InlineKeyboardMarkup startButton(String label, Kind kind, long cabinetId, String itemId) {
        String data = startData(kind, cabinetId, itemId);
        return data == null ? null : Buttons.keyboard().button(label, data).build();
    }

    static String startData(Kind kind, long cabinetId, String itemId) {
        String data = PREFIX + ":s:" + kind.letter + ":" + cabinetId + ":" + itemId;
        return data.getBytes(StandardCharsets.UTF_8).length <= MAX_CALLBACK_BYTES && !itemId.contains(":")
                ? data
                : null;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String handle(CallbackRequest request) {
        String[] args = request.args();
        Texts t = request.texts();
        if (args.length == 4 && args[0].equals("s")) {
            return start(request, Kind.of(args[1]), Long.parseLong(args[2]), args[3]);
        }
        Draft draft = drafts.get(request.chatId());
        if (draft == null || args.length == 0) {
            return t.get(sending.contains(request.chatId()) ? "reply.sending" : "callback.outdated");
        }
        switch (args[0]) {
            case "t" -> {
                int index = Integer.parseInt(args[1]);
                if (index < 0 || index >= draft.templates().size()) {
                    return t.get("callback.outdated");
                }
                Draft picked = draft.withText(draft.templates().get(index).filled());
                drafts.put(request.chatId(), picked);
                messenger.editText(request.chatId(), request.messageId(), confirmText(t, picked), confirmKeyboard(t));
                return "";
            }
            case "ed" -> {
                messenger.editText(
                        request.chatId(),
                        request.messageId(),
                        t.get("reply.edit", draft.header(), Html.escape(draft.text() == null ? "" : draft.text())),
                        pickKeyboard(t, draft));
                return "";
            }
            case "go" -> {
                // taken out while it is sent: a second tap meanwhile finds nothing to send
                if (draft.text() == null || !drafts.remove(request.chatId(), draft)) {
                    return t.get("reply.sending");
                }
                sending.add(request.chatId());
                try {
                    return send(request, draft);
                } finally {
                    sending.remove(request.chatId());
                }
            }
            case "x" -> {
                drafts.remove(request.chatId());
                messenger.editText(
                        request.chatId(), request.messageId(), t.get("reply.cancelled", draft.header()), null);
                return "";
            }
            default -> {
                return t.get("callback.outdated");
            }
        }
    }

    @Override
    public boolean handleIfAwaited(CommandRequest request) {
        Draft draft = drafts.get(request.chatId());
        if (draft == null) {
            return false;
        }
        Texts t = request.texts();
        String text = request.args() == null ? "" : request.args().strip();
        if (text.isEmpty() || text.length() > MAX_ANSWER) {
            messenger.sendText(request.chatId(), t.get("reply.too_long", MAX_ANSWER), null);
            return true;
        }
        Draft written = draft.withText(text);
        drafts.put(request.chatId(), written);
        messenger.sendText(request.chatId(), confirmText(t, written), confirmKeyboard(t));
        return true;
    }

    @Override
    public void cancel(long chatId) {
        drafts.remove(chatId);
    }

    private String start(CallbackRequest request, Kind kind, long cabinetId, String itemId) {
        Texts t = request.texts();
        Answers.ReplyContext context;
        try {
            context = server.replyContext(request.from().id(), cabinetId, kind.path, itemId);
        } catch (ServerException e) {
            if (e.status() == 404) {
                messenger.sendText(request.chatId(), t.get("reply.gone"), null);
                return "";
            }
            throw e;
        }
        if (!context.canAnswer()) {
            messenger.sendText(request.chatId(), t.get("reply.cannot." + context.cannotAnswerReason()), null);
            return "";
        }
        if (context.item().answered()) {
            messenger.sendText(request.chatId(), t.get("reply.already"), null);
            return "";
        }
        Draft draft = new Draft(
                cabinetId, kind, itemId, header(t, kind, context), context.templates(), null, newKey(request.chatId()));
        drafts.put(request.chatId(), draft);
        messenger.sendText(request.chatId(), t.get("reply.start", draft.header()), pickKeyboard(t, draft));
        return "";
    }

    private String send(CallbackRequest request, Draft draft) {
        Texts t = request.texts();
        String text = Html.escape(draft.text());
        try {
            server.answer(
                    request.from().id(),
                    draft.cabinetId(),
                    draft.kind().path,
                    draft.itemId(),
                    draft.text(),
                    draft.key());
        } catch (ServerException e) {
            String outcome = switch (e.error()) {
                case "wb_refused" -> "reply.refused";
                case "wb_unavailable", "unavailable" -> "reply.unavailable";
                case "conflict" -> "reply.conflict";
                case "forbidden" -> "reply.forbidden";
                default -> null;
            };
            if (outcome == null && e.status() != 0 && e.status() < 500) {
                outcome = "reply.failed";
            }
            if (outcome == null) {
                outcome = "reply.unavailable";
            }
            boolean keep = outcome.equals("reply.refused") || outcome.equals("reply.unavailable");
            if (keep) {
                drafts.putIfAbsent(request.chatId(), draft);
            }
            messenger.editText(
                    request.chatId(),
                    request.messageId(),
                    t.get(outcome, draft.header(), text),
                    keep ? confirmKeyboard(t) : null);
            return "";
        }
        messenger.editText(request.chatId(), request.messageId(), t.get("reply.sent", draft.header(), text), null);
        return t.get("reply.sent_notice");
    }

    private static String header(Texts t, Kind kind, Answers.ReplyContext context) {
        Answers.ReplyItem item = context.item();
        String product = Html.escape(Html.clip(item.product() == null ? "WB " + item.nmId() : item.product(), 80));
        String quoted = Html.escape(
                Html.clip(item.text() == null || item.text().isBlank() ? t.get("reviews.no_text") : item.text(), 500));
        return kind == Kind.REVIEW
                ? t.get(
                        "reply.header.review",
                        "★".repeat(item.rating() == null ? 0 : item.rating()),
                        product,
                        Html.escape(item.buyer() == null ? "" : item.buyer()),
                        quoted)
                : t.get("reply.header.question", product, quoted);
    }

    private static String confirmText(Texts t, Draft draft) {
        return t.get("reply.confirm", draft.header(), Html.escape(draft.text()));
    }

    private static InlineKeyboardMarkup pickKeyboard(Texts t, Draft draft) {
        Buttons buttons = Buttons.keyboard();
        for (int i = 0; i < draft.templates().size(); i++) {
            buttons.row().button(Html.clip(draft.templates().get(i).filled(), 60), PREFIX + ":t:" + i);
        }
        return buttons.row().button(t.get("reply.cancel"), PREFIX + ":x").build();
    }

    private static InlineKeyboardMarkup confirmKeyboard(Texts t) {
        return Buttons.keyboard()
                .row()
                .button(t.get("reply.send"), PREFIX + ":go")
                .button(t.get("reply.change"), PREFIX + ":ed")
                .button(t.get("reply.cancel"), PREFIX + ":x")
                .build();
    }

    private static String newKey(long chatId) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "tg" + chatId + "-" + HexFormat.of().formatHex(random);
    }
}
