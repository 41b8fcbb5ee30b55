package ru.wbassist.console.api;

/** The answer of POST /api/v1/admin/users/{telegram_id}/test-notification. */
public record TestSendResult(long id, String type) {
}
