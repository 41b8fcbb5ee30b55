package ru.wbassist.api;

/** A request that names something that does not exist (a user, a cabinet); the server answers 404 {@code not_found}. */
public final class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
