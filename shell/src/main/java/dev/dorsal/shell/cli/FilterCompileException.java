package dev.dorsal.shell.cli;

/** A display filter that does not compile; the message is tshark's full error text (with caret lines). */
public final class FilterCompileException extends Exception {
    private static final long serialVersionUID = 1L;

    public FilterCompileException(String message) {
        super(message);
    }
}
