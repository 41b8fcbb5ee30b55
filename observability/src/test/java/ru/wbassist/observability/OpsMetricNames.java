package ru.wbassist.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names the operator files in {@code ops/} (Prometheus rules, Grafana dashboard) use. */
public final class OpsMetricNames {

    /** The files, seen from a module's directory (where Maven runs its tests). */
    public static final Path RULES = Path.of("..", "ops", "prometheus-rules.yml");

    public static final Path DASHBOARD = Path.of("..", "ops", "grafana-dashboard.json");

    private static final Pattern NAME = Pattern.compile("wbassist_[a-z0-9_]+");

    private OpsMetricNames() {}

    /** Every {@code wbassist_} name in the rules and the dashboard. */
    public static Set<String> all() {
        Set<String> names = new TreeSet<>();
        for (Path file : new Path[] {RULES, DASHBOARD}) {
            try {
                Matcher m = NAME.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }
}
