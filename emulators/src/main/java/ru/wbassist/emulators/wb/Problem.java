package ru.wbassist.emulators.wb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** WB's 2024+ gateway error body ({@code application/problem+json}, docs/wb-api.md). */
record Problem(
        String title,
        String detail,
        String code,
        String requestId,
        String origin,
        int status,
        String statusText,
        String timestamp) {

    static Problem of(int status, String title, String detail) {
        return new Problem(
                title,
                detail,
                randomHex(8) + "--" + randomHex(6) + "; sandbox",
                randomHex(16),
                "s2s-api-auth-catalog",
                status,
                statusText(status),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    static Problem unauthorized(String detail) {
        return of(401, "unauthorized", detail);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String statusText(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
