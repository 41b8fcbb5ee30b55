package ru.wbassist.bot.command;

import java.util.List;
import ru.wbassist.api.Answers;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.telegram.Messenger;

/** /questions: buyers' unanswered questions per cabinet, each with an "Ответить" button. */
public final class QuestionsCommand implements Command {

    private final ServerClient server;
    private final Messenger messenger;

    public QuestionsCommand(ServerClient server, Messenger messenger) {
        this.server = server;
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "questions";
    }

    @Override
    public void execute(CommandRequest request) {
        List<Answers.Unanswered> blocks = server.unanswered(request.from().id(), "questions");
        if (blocks.isEmpty()) {
            messenger.sendText(request.chatId(), request.texts().get("common.no_cabinets"), null);
            return;
        }
        UnansweredList list = new UnansweredList(request.texts(), ReplyFlow.Kind.QUESTION, blocks);
        messenger.sendText(request.chatId(), Pages.fit(list.text()), list.keyboard());
    }
}
