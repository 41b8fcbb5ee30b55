package ru.wbassist.server.answers;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import ru.wbassist.api.Answers;
import ru.wbassist.db.Sql;
import ru.wbassist.server.cabinets.WbToken;

/**
 * Whether a user may answer a cabinet's reviews and questions: the owner always, members unless the owner turned
 * that off; and only while the key grants the Feedbacks category and is not read-only.
 *
 * @param role   {@code owner} or {@code member}
 * @param reason null when the user may answer, else why not: {@code members_may_not_answer},
 *               {@code key_lacks_feedbacks}, {@code key_read_only}
 */
public record Rights(long cabinetId, String cabinetName, String role, boolean membersCanAnswer, String reason) {

    public static final String MEMBERS_MAY_NOT_ANSWER = Answers.MEMBERS_MAY_NOT_ANSWER;
    public static final String KEY_LACKS_FEEDBACKS = Answers.KEY_LACKS_FEEDBACKS;
    public static final String KEY_READ_ONLY = Answers.KEY_READ_ONLY;

    public boolean canAnswer() {
        return reason == null;
    }

    public boolean owner() {
        return "owner".equals(role);
    }

    /** Throws a {@code FORBIDDEN} refusal with the reason when the user may not answer. */
    Rights require() {
        if (!canAnswer()) {
            throw new Refusal(
                    Refusal.Reason.FORBIDDEN,
                    switch (reason) {
                        case MEMBERS_MAY_NOT_ANSWER -> "the cabinet's owner does not let members answer";
                        case KEY_LACKS_FEEDBACKS -> "the cabinet's WB key lacks the Feedbacks category";
                        default -> "the cabinet's WB key is read-only";
                    });
        }
        return this;
    }

    /**
     * The user's rights in a cabinet, given the cabinet's decrypted key.
     *
     * @return empty when the user is not linked to the cabinet
     */
    static Optional<Rights> of(Connection c, long userId, long cabinetId, String apiKey) throws SQLException {
        Optional<WbToken> token = WbToken.tryParse(apiKey);
        return Sql.queryOne(
                c,
                "SELECT w.name, cu.role, w.members_can_answer FROM cabinet_users cu"
                        + " JOIN wb_cabinets w ON w.id = cu.cabinet_id WHERE cu.user_id = ? AND cu.cabinet_id = ?",
                rs -> {
                    String role = rs.getString("role");
                    boolean members = rs.getBoolean("members_can_answer");
                    String reason = !"owner".equals(role) && !members
                            ? MEMBERS_MAY_NOT_ANSWER
                            : token.isPresent() && !token.get().scopes().contains(WbToken.Scope.FEEDBACKS)
                                    ? KEY_LACKS_FEEDBACKS
                                    : token.isPresent() && token.get().readOnly() ? KEY_READ_ONLY : null;
                    return new Rights(cabinetId, rs.getString("name"), role, members, reason);
                },
                userId,
                cabinetId);
    }
}
