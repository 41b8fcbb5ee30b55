package ru.wbassist.observability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fields every log line of the current thread carries while a unit of work runs (cabinet id, data set, run id), so an
 * operator finds all lines of one sync run by one search. Only ids and names go here, never a key or a secret.
 *
 * <pre>{@code try (LogContext.Scope scope = LogContext.with("cabinet_id", id)) { ... } }</pre>
 */
public final class LogContext {

    private static final ThreadLocal<Map<String, String>> FIELDS = ThreadLocal.withInitial(LinkedHashMap::new);

    private LogContext() {}

    /** Adds a field until the returned scope closes (then the previous value, if any, is back). */
    public static Scope with(String name, Object value) {
        Map<String, String> fields = FIELDS.get();
        String previous = fields.put(name, String.valueOf(value));
        return () -> {
            if (previous == null) {
                fields.remove(name);
            } else {
                fields.put(name, previous);
            }
        };
    }

    /** The current thread's fields, in the order they were added. */
    public static Map<String, String> fields() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(FIELDS.get()));
    }

    /** A short random id: for a run, or for an error an operator is asked to quote. */
    public static String newId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
    }

    /** Ends a field's scope; closing does not throw. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
