package dev.dorsal.engine.filter.lex;

/**
 * One token of a display filter: its kind, the text as written and where it starts (a char index
 * into the filter). Strings carry their decoded bytes, character constants their value, and error
 * tokens the scanner's message.
 */
public record Token(TokenKind kind, String text, int start, int length, byte[] bytes, long number, String error) {

    public static Token of(TokenKind kind, String text, int start, int length) {
        return new Token(kind, text, start, length, null, 0, null);
    }

    public static Token error(String message, int start, int length) {
        return new Token(TokenKind.ERROR, "", start, length, null, 0, message);
    }

    public int end() {
        return start + length;
    }

    @Override
    public String toString() {
        return kind + "(" + text + ")@" + start;
    }
}
