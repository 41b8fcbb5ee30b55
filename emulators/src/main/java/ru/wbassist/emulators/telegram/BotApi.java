package ru.wbassist.emulators.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Bot API methods and the state behind them: chats with their messages, what the bot sent, callback queries
 * waiting for an answer, blocked chats and unfetchable photo URLs. Every public-facing check answers with the
 * Bot API server's own error text.
 */
final class BotApi {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    private static final int MAX_CALLBACK_DATA_BYTES = 64;
    private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply markup"
            + " are exactly the same as a current content and reply markup of the message";

    /** The current content of a message in a chat. */
    private record Message(
            long id,
            long date,
            boolean fromBot,
            TelegramUser author,
            String text,
            String caption,
            String photo,
            JsonNode replyMarkup) {
        Message edited(String newText, JsonNode newMarkup) {
            return new Message(id, date, fromBot, author, newText, caption, photo, newMarkup);
        }
    }

    private static final class Chat {
        final long id;
        TelegramUser user;
        long nextMessageId = 1;
        boolean blocked;
        final Map<Long, Message> messages = new LinkedHashMap<>();
        final List<SentMessage> sent = new ArrayList<>();
        final List<ChatEvent> events = new ArrayList<>();

        Chat(long id) {
            this.id = id;
        }
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final long botId;
    private final FloodControl flood;
    private final UpdateQueue updates = new UpdateQueue();
    private final Map<Long, Chat> chats = new HashMap<>();
    private final List<SentMessage> allSent = new ArrayList<>();
    private final Map<String, Optional<String>> callbackAnswers = new ConcurrentHashMap<>();
    private final Set<String> unfetchableUrls = ConcurrentHashMap.newKeySet();
    private final Set<String> fileIds = ConcurrentHashMap.newKeySet();

    BotApi(ObjectMapper json, Clock clock, long botId, FloodControl flood) {
        this.json = json;
        this.clock = clock;
        this.botId = botId;
        this.flood = flood;
    }

    JsonNode call(String method, RequestParams params) throws InterruptedException {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "getme" -> botUser();
            case "deletewebhook", "setmycommands", "deletemycommands" -> BooleanNode.TRUE;
            case "getupdates" -> getUpdates(params);
            case "sendmessage" -> sendMessage(params);
            case "sendphoto" -> sendPhoto(params);
            case "sendmediagroup" -> sendMediaGroup(params);
            case "editmessagetext" -> editMessageText(params);
            case "editmessagereplymarkup" -> editMessageReplyMarkup(params);
            case "answercallbackquery" -> answerCallbackQuery(params);
            case "deletemessage" -> deleteMessage(params);
            default -> throw BotApiException.notFound();
        };
    }

    // ---- Bot API methods

    private JsonNode getUpdates(RequestParams params) throws InterruptedException {
        long offset = params.number("offset").orElse(0L);
        int limit = params.number("limit").orElse(100L).intValue();
        int timeout = params.number("timeout").orElse(0L).intValue();
        ArrayNode result = json.createArrayNode();
        updates.poll(offset, limit, timeout).forEach(result::add);
        return result;
    }

    private JsonNode sendMessage(RequestParams params) {
        long chatId = params.chatId();
        String text = params.string("text").orElse("");
        String parseMode = params.string("parse_mode").orElse(null);
        checkText(text, parseMode, false);
        JsonNode markup = replyMarkup(params);
        synchronized (this) {
            Chat chat = writableChat(chatId);
            flood.acquire(chatId, 1);
            Message message = store(chat, text, null, null, markup);
            record(chat, message, "sendMessage", parseMode, null);
            return messageJson(chat, message);
        }
    }

    private JsonNode sendPhoto(RequestParams params) {
        long chatId = params.chatId();
        String caption = params.string("caption").orElse(null);
        String parseMode = params.string("parse_mode").orElse(null);
        if (caption != null) {
            checkText(caption, parseMode, true);
        }
        JsonNode markup = replyMarkup(params);
        PhotoInput photo = photo(params, params.string("photo").orElse(null), "photo");
        synchronized (this) {
            Chat chat = writableChat(chatId);
            flood.acquire(chatId, 1);
            Message message = store(chat, null, caption, photo.reference(), markup);
            record(chat, message, "sendPhoto", parseMode, photo.bytes());
            return messageJson(chat, message);
        }
    }

    private JsonNode sendMediaGroup(RequestParams params) {
        long chatId = params.chatId();
        JsonNode media = params.json("media").orElseThrow(() -> BotApiException.badRequest("media is empty"));
        if (!media.isArray() || media.size() < 2 || media.size() > 10) {
            throw BotApiException.badRequest("media must be an array of 2-10 items");
        }
        List<PhotoInput> photos = new ArrayList<>();
        for (JsonNode item : media) {
            if (!"photo".equals(item.path("type").asText())) {
                throw BotApiException.badRequest(
                        "unsupported media type \"" + item.path("type").asText() + "\"");
            }
            if (item.hasNonNull("caption")) {
                checkText(item.get("caption").asText(), item.path("parse_mode").asText(null), true);
            }
            String reference = item.path("media").asText("");
            photos.add(photo(params, reference, null));
        }
        synchronized (this) {
            Chat chat = writableChat(chatId);
            flood.acquire(chatId, photos.size());
            ArrayNode result = json.createArrayNode();
            for (int i = 0; i < photos.size(); i++) {
                JsonNode item = media.get(i);
                String caption =
                        item.hasNonNull("caption") ? item.get("caption").asText() : null;
                Message message = store(chat, null, caption, photos.get(i).reference(), null);
                record(
                        chat,
                        message,
                        "sendMediaGroup",
                        item.path("parse_mode").asText(null),
                        photos.get(i).bytes());
                result.add(messageJson(chat, message));
            }
            return result;
        }
    }

    private JsonNode editMessageText(RequestParams params) {
        long chatId = params.chatId();
        long messageId = params.requiredNumber("message_id");
        String text = params.string("text").orElse("");
        String parseMode = params.string("parse_mode").orElse(null);
        checkText(text, parseMode, false);
        JsonNode markup = replyMarkup(params);
        synchronized (this) {
            Chat chat = writableChat(chatId);
            Message message = editableMessage(chat, messageId);
            if (message.text() == null) {
                throw BotApiException.badRequest("there is no text in the message to edit");
            }
            if (message.text().equals(text) && Objects.equals(message.replyMarkup(), markup)) {
                throw BotApiException.badRequest(NOT_MODIFIED);
            }
            Message edited = message.edited(text, markup);
            chat.messages.put(messageId, edited);
            record(chat, edited, "editMessageText", parseMode, null);
            return messageJson(chat, edited);
        }
    }

    private JsonNode editMessageReplyMarkup(RequestParams params) {
        long chatId = params.chatId();
        long messageId = params.requiredNumber("message_id");
        JsonNode markup = replyMarkup(params);
        synchronized (this) {
            Chat chat = writableChat(chatId);
            Message message = editableMessage(chat, messageId);
            if (Objects.equals(message.replyMarkup(), markup)) {
                throw BotApiException.badRequest(NOT_MODIFIED);
            }
            Message edited = message.edited(message.text(), markup);
            chat.messages.put(messageId, edited);
            record(chat, edited, "editMessageReplyMarkup", null, null);
            return messageJson(chat, edited);
        }
    }

    private JsonNode answerCallbackQuery(RequestParams params) {
        String id = params.requiredString("callback_query_id");
        Optional<String> text = params.string("text");
        if (text.isPresent() && text.get().length() > 200) {
            throw BotApiException.badRequest("MESSAGE_TOO_LONG");
        }
        Optional<String> previous = callbackAnswers.get(id);
        if (previous == null || previous.isPresent()) {
            throw BotApiException.badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        callbackAnswers.put(id, Optional.of(text.orElse("")));
        return BooleanNode.TRUE;
    }

    private JsonNode deleteMessage(RequestParams params) {
        long chatId = params.chatId();
        long messageId = params.requiredNumber("message_id");
        synchronized (this) {
            Chat chat = chat(chatId);
            Message message = chat.messages.remove(messageId);
            if (message == null) {
                throw BotApiException.badRequest("message to delete not found");
            }
            record(chat, message, "deleteMessage", null, null);
            return BooleanNode.TRUE;
        }
    }

    // ---- checks shared by the methods

    /** Checks a text or caption like Telegram: parse mode, entities and the length after parsing. */
    private static void checkText(String text, String parseMode, boolean caption) {
        String visible;
        if (parseMode == null || parseMode.isEmpty()) {
            visible = text;
        } else if ("html".equalsIgnoreCase(parseMode)) {
            visible = TelegramHtml.visibleText(text);
        } else if ("markdownv2".equalsIgnoreCase(parseMode) || "markdown".equalsIgnoreCase(parseMode)) {
            visible = text;
        } else {
            throw BotApiException.badRequest("unsupported parse_mode");
        }
        if (caption) {
            if (visible.length() > MAX_CAPTION) {
                throw BotApiException.badRequest("message caption is too long");
            }
        } else if (visible.isBlank()) {
            throw BotApiException.badRequest("message text is empty");
        } else if (visible.length() > MAX_TEXT) {
            throw BotApiException.badRequest("message is too long");
        }
    }

    /** Reads reply_markup and validates an inline keyboard the way Telegram does. */
    private static JsonNode replyMarkup(RequestParams params) {
        Optional<JsonNode> markup = params.json("reply_markup");
        if (markup.isEmpty()) {
            return null;
        }
        JsonNode keyboard = markup.get().get("inline_keyboard");
        if (keyboard == null) {
            return markup.get();
        }
        if (!keyboard.isArray()) {
            throw BotApiException.badRequest("can't parse inline keyboard: field \"inline_keyboard\" must be an Array");
        }
        for (JsonNode row : keyboard) {
            for (JsonNode button : row) {
                if (!button.hasNonNull("text")) {
                    throw BotApiException.badRequest("can't parse inline keyboard button: Text is empty");
                }
                if (button.has("callback_data")) {
                    int bytes = button.get("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
                        throw BotApiException.badRequest("BUTTON_DATA_INVALID");
                    }
                } else if (!button.has("url")
                        && !button.has("switch_inline_query")
                        && !button.has("web_app")
                        && !button.has("copy_text")
                        && !button.has("login_url")
                        && !button.has("switch_inline_query_current_chat")
                        && !button.has("pay")) {
                    throw BotApiException.badRequest(
                            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
                }
            }
        }
        return markup.get();
    }

    private record PhotoInput(String reference, byte[] bytes) {}

    /**
     * A photo given as an HTTP URL, a file_id this emulator issued, {@code attach://<part>} naming an uploaded part,
     * or (reference absent) an upload in the part {@code field}.
     */
    private PhotoInput photo(RequestParams params, String reference, String field) {
        if (reference == null || reference.startsWith("attach://")) {
            String part = reference == null ? field : reference.substring("attach://".length());
            RequestParams.Upload upload = params.upload(part)
                    .orElseThrow(() -> BotApiException.badRequest("there is no photo in the request"));
            if (!isImage(upload.data())) {
                throw BotApiException.badRequest("IMAGE_PROCESS_FAILED");
            }
            return new PhotoInput("upload:" + upload.fileName(), upload.data());
        }
        if (reference.startsWith("http://") || reference.startsWith("https://")) {
            if (unfetchableUrls.contains(reference)) {
                throw BotApiException.badRequest("failed to get HTTP URL content");
            }
            return new PhotoInput(reference, null);
        }
        if (!fileIds.contains(reference)) {
            throw BotApiException.badRequest("wrong file identifier/HTTP URL specified");
        }
        return new PhotoInput(reference, null);
    }

    private static boolean isImage(byte[] data) {
        boolean png = data.length > 8 && (data[0] & 0xff) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G';
        boolean jpeg = data.length > 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8;
        boolean webp = data.length > 12
                && new String(data, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
                && new String(data, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP");
        return png || jpeg || webp;
    }

    // ---- state

    private Chat chat(long chatId) {
        return chats.computeIfAbsent(chatId, Chat::new);
    }

    /** The chat if the bot may write to it: a chat that blocked the bot answers 403. */
    private Chat writableChat(long chatId) {
        Chat chat = chat(chatId);
        if (chat.blocked) {
            throw BotApiException.forbidden("bot was blocked by the user");
        }
        return chat;
    }

    private static Message editableMessage(Chat chat, long messageId) {
        Message message = chat.messages.get(messageId);
        if (message == null) {
            throw BotApiException.badRequest("message to edit not found");
        }
        if (!message.fromBot()) {
            throw BotApiException.badRequest("message can't be edited");
        }
        return message;
    }

    private Message store(Chat chat, String text, String caption, String photo, JsonNode markup) {
        Message message = new Message(
                chat.nextMessageId++, clock.instant().getEpochSecond(), true, null, text, caption, photo, markup);
        chat.messages.put(message.id(), message);
        return message;
    }

    private void record(Chat chat, Message message, String method, String parseMode, byte[] photoBytes) {
        SentMessage sent = new SentMessage(
                chat.id,
                message.id(),
                method,
                message.text(),
                message.caption(),
                parseMode,
                message.photo(),
                photoBytes,
                message.replyMarkup(),
                clock.instant());
        chat.sent.add(sent);
        chat.events.add(new ChatEvent.Bot(sent));
        allSent.add(sent);
    }

    // ---- test API

    ObjectNode injectMessage(long chatId, TelegramUser from, String text) {
        Message message;
        Chat chat;
        synchronized (this) {
            chat = chat(chatId);
            chat.user = from;
            chat.blocked = false;
            message = new Message(
                    chat.nextMessageId++, clock.instant().getEpochSecond(), false, from, text, null, null, null);
            chat.messages.put(message.id(), message);
            chat.events.add(new ChatEvent.Typed(message.id(), text, clock.instant()));
        }
        ObjectNode messageJson = messageJson(chat, message);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            messageJson
                    .putArray("entities")
                    .addObject()
                    .put("type", "bot_command")
                    .put("offset", 0)
                    .put("length", end < 0 ? text.length() : end);
        }
        return updates.add(id -> {
            ObjectNode update = json.createObjectNode().put("update_id", id);
            update.set("message", messageJson);
            return update;
        });
    }

    ObjectNode injectCallback(long chatId, long messageId, String data) {
        ObjectNode messageJson;
        TelegramUser user;
        synchronized (this) {
            Chat chat = chat(chatId);
            Message message = chat.messages.get(messageId);
            if (message == null) {
                throw new IllegalArgumentException("no message " + messageId + " in chat " + chatId);
            }
            user = chat.user != null ? chat.user : TelegramUser.of(chatId, "User " + chatId);
            messageJson = messageJson(chat, message);
            String label = buttons(message.replyMarkup())
                    .filter(button -> data.equals(button.path("callback_data").asText(null)))
                    .map(button -> button.path("text").asText())
                    .findFirst()
                    .orElse(data);
            chat.events.add(new ChatEvent.Pressed(messageId, label, data, clock.instant()));
        }
        String id = UUID.randomUUID().toString();
        callbackAnswers.put(id, Optional.empty());
        return updates.add(updateId -> {
            ObjectNode update = json.createObjectNode().put("update_id", updateId);
            ObjectNode query = update.putObject("callback_query").put("id", id);
            query.set("from", userJson(user));
            query.set("message", messageJson);
            query.put("chat_instance", Long.toString(chatId)).put("data", data);
            return update;
        });
    }

    /**
     * The user presses the first button whose label contains {@code label} on the newest bot message that has one,
     * as a person would press what they see; throws when no message in the chat has such a button.
     */
    ObjectNode pressButton(long chatId, String label) {
        record Found(long messageId, String data) {}
        Found found;
        synchronized (this) {
            Chat chat = chats.get(chatId);
            List<Message> newestFirst = chat == null ? List.of() : new ArrayList<>(chat.messages.values()).reversed();
            found = newestFirst.stream()
                    .filter(Message::fromBot)
                    .flatMap(message -> buttons(message.replyMarkup())
                            .filter(b -> b.path("text").asText().contains(label) && b.hasNonNull("callback_data"))
                            .map(b -> new Found(
                                    message.id(), b.get("callback_data").asText())))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no button \"" + label + "\" in chat " + chatId));
        }
        return injectCallback(chatId, found.messageId(), found.data());
    }

    /** Everything that happened in a chat, in order, from the first step that touched message {@code fromMessageId}. */
    synchronized List<ChatEvent> events(long chatId, long fromMessageId) {
        Chat chat = chats.get(chatId);
        if (chat == null) {
            return List.of();
        }
        int first = 0;
        while (first < chat.events.size() && chat.events.get(first).messageId() < fromMessageId) {
            first++;
        }
        return List.copyOf(chat.events.subList(first, chat.events.size()));
    }

    private static Stream<JsonNode> buttons(JsonNode markup) {
        if (markup == null) {
            return Stream.empty();
        }
        List<JsonNode> buttons = new ArrayList<>();
        markup.path("inline_keyboard").forEach(row -> row.forEach(buttons::add));
        return buttons.stream();
    }

    /** The answer text of a callback query: empty while unanswered, "" when answered without text. */
    Optional<String> callbackAnswer(String callbackQueryId) {
        Optional<String> answer = callbackAnswers.get(callbackQueryId);
        if (answer == null) {
            throw new IllegalArgumentException("unknown callback query " + callbackQueryId);
        }
        return answer;
    }

    synchronized List<SentMessage> sent(long chatId) {
        Chat chat = chats.get(chatId);
        return chat == null ? List.of() : List.copyOf(chat.sent);
    }

    synchronized List<SentMessage> allSent() {
        return List.copyOf(allSent);
    }

    /**
     * The user blocks (or unblocks) the bot. Like Telegram, this also sends the bot a my_chat_member update whose new
     * status is "kicked" (or "member").
     */
    void setBlocked(long chatId, boolean blocked) {
        TelegramUser user;
        synchronized (this) {
            Chat chat = chat(chatId);
            if (chat.blocked == blocked) {
                return;
            }
            chat.blocked = blocked;
            user = chat.user != null ? chat.user : TelegramUser.of(chatId, "User " + chatId);
        }
        long date = clock.instant().getEpochSecond();
        updates.add(id -> {
            ObjectNode update = json.createObjectNode().put("update_id", id);
            ObjectNode member = update.putObject("my_chat_member");
            member.putObject("chat").put("id", chatId).put("type", "private").put("first_name", user.firstName());
            member.set("from", userJson(user));
            member.put("date", date);
            member.set("old_chat_member", memberJson(blocked ? "member" : "kicked"));
            member.set("new_chat_member", memberJson(blocked ? "kicked" : "member"));
            return update;
        });
    }

    private ObjectNode memberJson(String status) {
        ObjectNode member = json.createObjectNode().put("status", status);
        member.set("user", botUser());
        if ("kicked".equals(status)) {
            member.put("until_date", 0);
        }
        return member;
    }

    void makeUnfetchable(String url) {
        unfetchableUrls.add(url);
    }

    long tooManyRequestsCount() {
        return flood.refusals();
    }

    void stop() {
        updates.wakeAll();
    }

    // ---- JSON shapes

    ObjectNode botUser() {
        return json.createObjectNode()
                .put("id", botId)
                .put("is_bot", true)
                .put("first_name", "WB Assist")
                .put("username", "wbassist_emulator_bot")
                .put("can_join_groups", false)
                .put("can_read_all_group_messages", false)
                .put("supports_inline_queries", false);
    }

    private ObjectNode userJson(TelegramUser user) {
        ObjectNode node = json.createObjectNode()
                .put("id", user.id())
                .put("is_bot", false)
                .put("first_name", user.firstName());
        putIfPresent(node, "last_name", user.lastName());
        putIfPresent(node, "username", user.username());
        putIfPresent(node, "language_code", user.languageCode());
        return node;
    }

    private ObjectNode messageJson(Chat chat, Message message) {
        ObjectNode node =
                json.createObjectNode().put("message_id", message.id()).put("date", message.date());
        node.set("from", message.fromBot() ? botUser() : userJson(message.author()));
        ObjectNode chatNode = node.putObject("chat").put("id", chat.id).put("type", "private");
        if (chat.user != null) {
            chatNode.put("first_name", chat.user.firstName());
            putIfPresent(chatNode, "username", chat.user.username());
        }
        putIfPresent(node, "text", message.text());
        putIfPresent(node, "caption", message.caption());
        if (message.photo() != null) {
            String fileId = "photo-" + chat.id + "-" + message.id();
            fileIds.add(fileId);
            node.putArray("photo")
                    .addObject()
                    .put("file_id", fileId)
                    .put("file_unique_id", fileId)
                    .put("width", 800)
                    .put("height", 800);
        }
        if (message.replyMarkup() != null) {
            node.set("reply_markup", message.replyMarkup());
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    int waitingPolls() {
        return updates.waitingPolls();
    }
}
