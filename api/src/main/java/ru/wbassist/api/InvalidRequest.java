package ru.wbassist.api;

/** A request that breaks the contract; the server answers 400 {@code bad_request} naming {@link #field()}. */
public final class InvalidRequest extends RuntimeException {

    private final String field;

    public InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The snake_case name of the field at fault, or null when the request as a whole is wrong. */
    public String field() {
        return field;
    }
}
