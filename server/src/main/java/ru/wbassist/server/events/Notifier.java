package ru.wbassist.server.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * What detection hands its events to: the notification fan-out. Both calls run in the caller's transaction, so
 * events and their notifications commit (or roll back) together with the rows they came from.
 */
public interface Notifier {

    /** The users linked to the cabinet now (a user who joins later gets later events only). */
    List<CabinetMember> members(Connection c, long cabinetId) throws SQLException;

    /** Creates one notification row per event and user (suppressed rows included, with their reason). */
    void notify(Connection c, List<RecordedEvent> events, Collection<Long> userIds) throws SQLException;
}
