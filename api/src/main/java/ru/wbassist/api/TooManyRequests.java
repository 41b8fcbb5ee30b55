package ru.wbassist.api;

/** The caller asked for something it may do only so often; the server answers 429 {@code too_many_requests}. */
public final class TooManyRequests extends RuntimeException {

    public TooManyRequests(String message) {
        super(message);
    }
}
