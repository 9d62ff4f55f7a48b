package dev.dorsal.shell.repl;

import java.util.List;

/**
 * One shell command: its name, help text and what it does. Each command is its own small class in
 * {@code repl.commands}; {@link Commands} lists them.
 */
public interface Command {
    /** What completes the arguments after the command name. */
    enum ArgKind { NONE, FILES, FILTER, FIELDS, COMMANDS, JS, WORDS }

    String name();

    default List<String> aliases() {
        return List.of();
    }

    /** The synopsis, e.g. {@code "filter [EXPR]"}. */
    String usage();

    /** One line for the command list. */
    String summary();

    /** The full help text ({@code help NAME}), after the synopsis. */
    String help();

    /** How the arguments complete; {@link ArgKind#WORDS} uses {@link #words}. */
    default ArgKind argKind() {
        return ArgKind.NONE;
    }

    /** Fixed words the first argument completes to (subcommands, modes). */
    default List<String> words() {
        return List.of();
    }

    void run(Shell shell, Args args) throws Exception;
}
