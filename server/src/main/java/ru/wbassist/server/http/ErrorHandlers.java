package ru.wbassist.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.UUID;
import ru.wbassist.api.Conflict;
import ru.wbassist.api.ErrorBody;
import ru.wbassist.api.InvalidRequest;
import ru.wbassist.api.NotFound;
import ru.wbassist.api.TooManyRequests;
import ru.wbassist.observability.LogContext;

/** Turns every failure into a JSON error: client errors with their message, server errors with an id, never a trace. */
public final class ErrorHandlers {

    private static final System.Logger LOG = System.getLogger(ErrorHandlers.class.getName());

    private ErrorHandlers() {}

    public static void register(HttpRouting.Builder routing) {
        routing.error(
                        ApiException.class,
                        (req, res, e) ->
                                send(res, e.status(), new ErrorBody(e.code(), e.getMessage(), e.field(), null)))
                .error(
                        InvalidRequest.class,
                        (req, res, e) -> send(
                                res,
                                Status.BAD_REQUEST_400,
                                new ErrorBody("bad_request", e.getMessage(), e.field(), null)))
                .error(
                        NotFound.class,
                        (req, res, e) ->
                                send(res, Status.NOT_FOUND_404, new ErrorBody("not_found", e.getMessage(), null, null)))
                .error(
                        Conflict.class,
                        (req, res, e) ->
                                send(res, Status.CONFLICT_409, new ErrorBody("conflict", e.getMessage(), null, null)))
                .error(
                        TooManyRequests.class,
                        (req, res, e) -> send(
                                res,
                                Status.TOO_MANY_REQUESTS_429,
                                new ErrorBody("too_many_requests", e.getMessage(), null, null)))
                .error(HttpException.class, (req, res, e) -> send(res, e.status(), fromHttp(e)))
                .error(Throwable.class, (req, res, e) -> {
                    String id = UUID.randomUUID().toString();
                    try (LogContext.Scope error = LogContext.with("error_id", id)) {
                        LOG.log(
                                Level.ERROR,
                                "internal error on " + req.prologue().method().text() + " "
                                        + req.path().path(),
                                e);
                    }
                    send(
                            res,
                            Status.INTERNAL_SERVER_ERROR_500,
                            new ErrorBody(
                                    "internal_error",
                                    "internal server error; quote error_id when reporting",
                                    null,
                                    id));
                });
    }

    /** Writes the error as JSON bytes itself, so it works in filters too (before media negotiation applies). */
    public static void send(ServerResponse res, Status status, ErrorBody body) {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ErrorBody always serializes", e);
        }
        res.status(status);
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(json);
    }

    private static ErrorBody fromHttp(HttpException e) {
        Status status = e.status();
        String code = switch (status.code()) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> status.code() >= 500 ? "internal_error" : "bad_request";
        };
        // Helidon's messages describe the request, never our internals; keep them short.
        String message = status.code() >= 500 ? "internal server error" : status.reasonPhrase();
        return new ErrorBody(code, message, null, null);
    }
}
