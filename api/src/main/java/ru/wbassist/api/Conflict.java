package ru.wbassist.api;

/**
 * A request the current state does not allow (retrying a notification that is not failed, say); the server answers
 * 409 {@code conflict}.
 */
public final class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
