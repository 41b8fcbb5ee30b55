package ru.wbassist.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error response: a stable {@code error} code, a message for people, the request
 * {@code field} at fault for 400s, and an {@code error_id} to quote for 500s.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, String field, String errorId) {}
