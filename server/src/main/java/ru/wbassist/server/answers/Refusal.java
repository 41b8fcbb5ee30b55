package ru.wbassist.server.answers;

/** Why an answer, a template change or a setting was refused; {@link AnswerService} tells it over HTTP. */
final class Refusal extends RuntimeException {

    enum Reason {
        /** The user may not do this in the cabinet. */
        FORBIDDEN,
        /** Answered already, being sent, a key used for another item, or no room for another template. */
        CONFLICT,
        /** WB answered and said no. */
        WB_REFUSED,
        /** WB failed, could not be reached or kept answering 429. */
        WB_UNAVAILABLE
    }

    private final Reason reason;

    Refusal(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
