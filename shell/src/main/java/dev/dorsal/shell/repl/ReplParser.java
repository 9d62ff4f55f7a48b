package dev.dorsal.shell.repl;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Splits the line for JLine: on spaces for commands and file names, and inside a display filter also
 * at operators, so that Tab completes the field name under the cursor in {@code ip.src==10.0.0.1}.
 * In JavaScript mode (and after {@code js}) a line with an open bracket, brace or template string
 * continues on the next line.
 */
final class ReplParser extends DefaultParser {
    private static final String FILTER_DELIMITERS = "()!=<>&|~{},\"'[]";

    private final Shell shell;

    ReplParser(Shell shell) {
        this.shell = shell;
        setEofOnUnclosedQuote(false);
        setEofOnEscapedNewLine(false);
        setEscapeChars(new char[0]);
        setQuoteChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE) {
            boolean js = shell.jsMode() || line.stripLeading().startsWith("js ");
            if (js && open(line) > 0) {
                throw new EOFError(-1, cursor, "open bracket", "js");
            }
        }
        boolean filter = isFilterLine(line);
        List<String> words = new ArrayList<>();
        int wordIndex = -1;
        int wordCursor = 0;
        int i = 0;
        while (i <= line.length()) {
            while (i < line.length() && delimiter(line, i, filter, words.isEmpty())) {
                i++;
            }
            int start = i;
            while (i < line.length() && !delimiter(line, i, filter, words.isEmpty())) {
                i++;
            }
            if (cursor >= start && cursor <= i && wordIndex < 0) {
                wordIndex = words.size();
                wordCursor = cursor - start;
            }
            if (start < i || (wordIndex == words.size())) {
                words.add(line.substring(start, i));
            }
            if (i >= line.length()) {
                break;
            }
        }
        if (wordIndex < 0) {
            wordIndex = words.size();
            words.add("");
            wordCursor = 0;
        }
        String word = words.get(wordIndex);
        return new ArgumentList(line, words, wordIndex, wordCursor, cursor, null, wordCursor, word.length());
    }

    /** Whether the line's arguments are a display filter ({@code filter}, and {@code follow}'s). */
    static boolean isFilterLine(String line) {
        String t = line.stripLeading();
        return t.startsWith("filter ") || t.startsWith("follow ");
    }

    private static boolean delimiter(String line, int i, boolean filter, boolean firstWord) {
        char c = line.charAt(i);
        if (Character.isWhitespace(c)) {
            return true;
        }
        return filter && !firstWord && FILTER_DELIMITERS.indexOf(c) >= 0;
    }

    /** Brackets, braces and template strings left open in JavaScript text (strings and comments skipped). */
    static int open(String s) {
        int depth = 0;
        char quote = 0;
        boolean template = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (template) {
                if (c == '\\') {
                    i++;
                } else if (c == '`') {
                    template = false;
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '`' -> template = true;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                case '/' -> {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '/') {
                        int nl = s.indexOf('\n', i);
                        i = nl < 0 ? s.length() : nl;
                    }
                }
                default -> { }
            }
        }
        return template ? depth + 1 : depth;
    }
}
