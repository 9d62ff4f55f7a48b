package dev.dorsal.engine.script;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * An error raised by a script, named by the script's file, line and column
 * ({@code redis.js:42:7: TypeError: …}), so a user can go straight to the line.
 */
public final class ScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Source name of the API prelude: frames in it are skipped when locating a user error. */
    static final String PRELUDE_NAME = "dorsal-api.js";

    private final String file;
    private final int line;
    private final int column;

    public ScriptException(String file, int line, int column, String message, Throwable cause) {
        super(location(file, line, column) + message, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String location(String file, int line, int column) {
        if (file == null) {
            return "";
        }
        return line > 0 ? file + ":" + line + ":" + column + ": " : file + ": ";
    }

    /** Wraps a polyglot error, locating it at the innermost frame of a user script (not the API prelude). */
    static ScriptException of(PolyglotException e, String fallbackFile) {
        SourceSection where = null;
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            SourceSection s = f.getSourceLocation();
            if (f.isGuestFrame() && s != null && !PRELUDE_NAME.equals(s.getSource().getName())) {
                where = s;
                break;
            }
        }
        if (where == null && e.getSourceLocation() != null
                && !PRELUDE_NAME.equals(e.getSourceLocation().getSource().getName())) {
            where = e.getSourceLocation();
        }
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        if (where == null) {
            return new ScriptException(fallbackFile, 0, 0, msg, e);
        }
        return new ScriptException(where.getSource().getName(), where.getStartLine(), where.getStartColumn(), msg, e);
    }

    /** The script file (its path as given when loading), or null. */
    public String file() { return file; }

    /** 1-based line, 0 when unknown. */
    public int line() { return line; }

    /** 1-based column, 0 when unknown. */
    public int column() { return column; }
}
