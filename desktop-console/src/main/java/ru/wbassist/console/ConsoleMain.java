package ru.wbassist.console;

import java.util.List;
import javafx.application.Application;

/**
 * Starts the console. Not an {@link Application} itself, so JavaFX runs from the plain classpath
 * (java -cp ... ru.wbassist.console.ConsoleMain) without a module path; JavaFX only warns about the unnamed module.
 */
public final class ConsoleMain {

    private ConsoleMain() {}

    public static void main(String[] args) {
        try {
            ConsoleOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ConsoleOptions.USAGE);
            System.exit(2);
        }
        Application.launch(ConsoleApp.class, args);
    }
}
