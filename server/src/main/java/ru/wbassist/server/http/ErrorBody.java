package ru.wbassist.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, String field, String errorId) {

    public static ErrorBody of(ApiException e) {
        return new ErrorBody(e.code(), e.getMessage(), e.field(), null);
    }
}
