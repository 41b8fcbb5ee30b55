package ru.wbassist.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Route templates (the constants of {@link Users}, {@link Admin}, …) turned into the paths clients call. */
public final class Routes {

    private static final Pattern PARAMETER = Pattern.compile("\\{[a-z_]+}");

    private Routes() {}

    /** {@code expand("/cabinets/{id}/users", 5)} is {@code "/cabinets/5/users"}: one value per parameter, in order. */
    public static String expand(String template, Object... values) {
        Matcher parameters = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        int next = 0;
        while (parameters.find()) {
            if (next == values.length) {
                throw new IllegalArgumentException("no value for " + parameters.group() + " in " + template);
            }
            parameters.appendReplacement(path, Matcher.quoteReplacement(String.valueOf(values[next++])));
        }
        if (next != values.length) {
            throw new IllegalArgumentException(values.length + " values for " + next + " parameters of " + template);
        }
        return parameters.appendTail(path).toString();
    }
}
