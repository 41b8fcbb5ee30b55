package ru.wbassist.console;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import ru.wbassist.console.common.Language;

/** The console's command line: {@code [--demo-data] [--screenshots=DIR] [--language=ru|en]}. */
record ConsoleOptions(boolean demoData, Optional<Path> screenshots, Optional<Language> language) {

    static final String USAGE = """
            Usage: ConsoleMain [--demo-data] [--screenshots=DIR] [--language=ru|en]
              --demo-data        show a built-in demo data set instead of connecting to a server
              --screenshots=DIR  open every view, write DIR/<view>.png and DIR/connect.png, then quit
              --language=ru|en   the labels' language (default: the system locale's; the window has a switch)
            Connection (without --demo-data): SERVER_URL (default http://127.0.0.1:8080); the secret from
            ADMIN_SECRET_KEY, API_SECRET_KEY or ./data/api-secret; otherwise the connect dialog asks.""";

    static ConsoleOptions parse(List<String> args) {
        boolean demo = false;
        Path screenshots = null;
        Language language = null;
        for (String arg : args) {
            if (arg.equals("--demo-data")) {
                demo = true;
            } else if (arg.equals("--language=ru") || arg.equals("--language=en")) {
                language = arg.endsWith("ru") ? Language.RU : Language.EN;
            } else if (arg.startsWith("--screenshots=") && arg.length() > "--screenshots=".length()) {
                screenshots = Path.of(arg.substring("--screenshots=".length()));
            } else {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        return new ConsoleOptions(demo, Optional.ofNullable(screenshots), Optional.ofNullable(language));
    }
}
