package ru.wbassist.bot.command;

import java.util.List;
import ru.wbassist.api.Answers;
import ru.wbassist.api.Html;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.server.ServerException;
import ru.wbassist.bot.telegram.Messenger;

/**
 * /templates: the cabinets' answer templates with a delete button each; {@code /templates add <text>} adds one to
 * the first cabinet where the user may answer. The owner of a cabinet also gets its switch "members may answer".
 */
public final class TemplatesCommand implements Command, CallbackHandler {

    /** What the server fills in when a template is picked. */
    private static final Object[] PLACEHOLDERS = {"{buyer}", "{product}", "{rating}"};

    private static final String OWNER = "owner";

    private final ServerClient server;
    private final Messenger messenger;

    public TemplatesCommand(ServerClient server, Messenger messenger) {
        this.server = server;
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "templates";
    }

    @Override
    public String prefix() {
        return "tp";
    }

    @Override
    public void execute(CommandRequest request) {
        Texts t = request.texts();
        String args = request.args() == null ? "" : request.args().strip();
        List<Answers.TemplateBlock> blocks = server.templates(request.from().id());
        if (blocks.isEmpty()) {
            messenger.sendText(request.chatId(), t.get("common.no_cabinets"), null);
            return;
        }
        if (args.startsWith("add")) {
            add(request, blocks, args.substring("add".length()).strip());
            return;
        }
        show(request.chatId(), t, blocks, null);
    }

    @Override
    public String handle(CallbackRequest request) {
        String[] args = request.args();
        if (args.length == 3 && args[0].equals("m")) {
            return setMembersCanAnswer(request, Long.parseLong(args[1]), args[2].equals("1"));
        }
        if (args.length != 2 || !args[0].equals("d")) {
            return request.texts().get("callback.outdated");
        }
        try {
            server.deleteTemplate(request.from().id(), Long.parseLong(args[1]));
        } catch (ServerException e) {
            if (!e.isClientError()) {
                throw e;
            }
            return request.texts().get("templates.not_deleted");
        }
        show(request.chatId(), request.texts(), server.templates(request.from().id()), request.messageId());
        return request.texts().get("templates.deleted");
    }

    /** The owner's switch; the data carries the value to set, so an old button pressed again changes nothing. */
    private String setMembersCanAnswer(CallbackRequest request, long cabinetId, boolean membersCanAnswer) {
        Texts t = request.texts();
        try {
            server.setMembersCanAnswer(request.from().id(), cabinetId, membersCanAnswer);
        } catch (ServerException e) {
            if (!e.isClientError()) {
                throw e;
            }
            return t.get("templates.members.not_owner");
        }
        show(request.chatId(), t, server.templates(request.from().id()), request.messageId());
        return t.get(membersCanAnswer ? "templates.members.saved_on" : "templates.members.saved_off");
    }

    private void add(CommandRequest request, List<Answers.TemplateBlock> blocks, String text) {
        Texts t = request.texts();
        Answers.TemplateBlock target = blocks.stream()
                .filter(Answers.TemplateBlock::canAnswer)
                .findFirst()
                .orElse(null);
        if (text.isEmpty() || target == null) {
            messenger.sendText(
                    request.chatId(),
                    t.get(target == null ? "templates.cannot" : "templates.usage", PLACEHOLDERS),
                    null);
            return;
        }
        try {
            server.addTemplate(request.from().id(), target.cabinetId(), text);
        } catch (ServerException e) {
            if (!e.isClientError()) {
                throw e;
            }
            messenger.sendText(request.chatId(), t.get("templates.not_added", Html.escape(e.reason())), null);
            return;
        }
        messenger.sendText(request.chatId(), t.get("templates.added", Html.escape(target.name())), null);
    }

    private void show(long chatId, Texts t, List<Answers.TemplateBlock> blocks, Long editMessageId) {
        StringBuilder text = new StringBuilder();
        Buttons buttons = Buttons.keyboard();
        int number = 0;
        for (Answers.TemplateBlock block : blocks) {
            text.append(t.get("templates.title", Html.escape(block.name()))).append('\n');
            if (!block.canAnswer()) {
                text.append(t.get("reply.cannot." + block.cannotAnswerReason())).append('\n');
            }
            for (Answers.Template template : block.templates()) {
                number++;
                text.append(number).append(". ");
                if (template.kind() != null) {
                    text.append(t.get("templates.kind." + template.kind())).append(' ');
                }
                text.append(Html.escape(Html.clip(template.text(), 300))).append('\n');
                if (block.canAnswer()) {
                    buttons.button(t.get("templates.delete", number), prefix() + ":d:" + template.id());
                    if (number % 4 == 0) {
                        buttons.row();
                    }
                }
            }
            if (OWNER.equals(block.role())) {
                buttons.row()
                        .button(
                                t.get(
                                        block.membersCanAnswer() ? "templates.members.on" : "templates.members.off",
                                        Html.clip(block.name(), 30)),
                                prefix() + ":m:" + block.cabinetId() + ":" + (block.membersCanAnswer() ? "0" : "1"))
                        .row();
            }
            text.append('\n');
        }
        text.append(t.get("templates.usage", PLACEHOLDERS));
        if (editMessageId == null) {
            messenger.sendText(chatId, Pages.fit(text.toString()), buttons.build());
        } else {
            messenger.editText(chatId, editMessageId, Pages.fit(text.toString()), buttons.build());
        }
    }
}
