package ru.wbassist.bot.command;

import ru.wbassist.api.Html;
import ru.wbassist.api.Users;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.telegram.Messenger;

/** /start: registers the user (which also lifts a bot block) and says what to do next. */
public final class StartCommand implements Command {

    private final ServerClient server;
    private final Messenger messenger;
    private final Languages languages;

    public StartCommand(ServerClient server, Messenger messenger, Languages languages) {
        this.server = server;
        this.messenger = messenger;
        this.languages = languages;
    }

    @Override
    public String name() {
        return "start";
    }

    @Override
    public void execute(CommandRequest request) {
        Sender from = request.from();
        Texts t = request.texts();
        server.register(new Users.Registration(
                from.id(),
                from.username(),
                from.firstName(),
                from.lastName(),
                t.lang().code()));
        languages.remember(from.id(), t.lang());
        int cabinets = server.cabinets(from.id()).size();
        String next = cabinets == 0 ? t.get("start.next.connect") : t.get("start.next.ready", cabinets);
        String text = t.get("start.welcome", Html.escape(from.firstName())) + "\n\n" + next;
        if (server.settings(from.id()).digestTime() == null) {
            messenger.sendText(request.chatId(), text + "\n\n" + t.get("digest.offer"), DigestOffer.keyboard());
        } else {
            messenger.sendText(request.chatId(), text, null);
        }
    }
}
