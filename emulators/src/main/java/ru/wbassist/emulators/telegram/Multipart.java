package ru.wbassist.emulators.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small multipart/form-data reader (RFC 7578): enough for Bot API uploads, binary-safe. */
final class Multipart {

    record Part(String name, String fileName, String contentType, byte[] data) {}

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private Multipart() {}

    static List<Part> parse(String contentType, byte[] body) {
        Matcher boundaryMatch = BOUNDARY.matcher(contentType);
        if (!boundaryMatch.find()) {
            throw BotApiException.badRequest("multipart boundary is missing");
        }
        byte[] delimiter = ("--" + boundaryMatch.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int headerStart = pos + delimiter.length;
            if (headerStart + 1 < body.length && body[headerStart] == '-' && body[headerStart + 1] == '-') {
                break;
            }
            headerStart = skipLineBreak(body, headerStart);
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerStart);
            if (headerEnd < 0) {
                throw BotApiException.badRequest("malformed multipart body");
            }
            int next = indexOf(body, delimiter, headerEnd + 4);
            if (next < 0) {
                throw BotApiException.badRequest("malformed multipart body");
            }
            int dataEnd = next >= 2 && body[next - 2] == '\r' && body[next - 1] == '\n' ? next - 2 : next;
            String headers = new String(body, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
            parts.add(part(headers, Arrays.copyOfRange(body, headerEnd + 4, dataEnd)));
            pos = next;
        }
        return parts;
    }

    private static Part part(String headers, byte[] data) {
        String disposition = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                disposition = line;
            } else if (lower.startsWith("content-type:")) {
                type = line.substring("content-type:".length()).trim();
            }
        }
        if (disposition == null) {
            throw BotApiException.badRequest("multipart part without Content-Disposition");
        }
        Matcher name = NAME.matcher(disposition);
        if (!name.find()) {
            throw BotApiException.badRequest("multipart part without a name");
        }
        Matcher fileName = FILE_NAME.matcher(disposition);
        return new Part(name.group(1), fileName.find() ? fileName.group(1) : null, type, data);
    }

    private static int skipLineBreak(byte[] body, int pos) {
        return pos + 1 < body.length && body[pos] == '\r' && body[pos + 1] == '\n' ? pos + 2 : pos;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
