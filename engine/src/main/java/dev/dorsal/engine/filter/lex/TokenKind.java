package dev.dorsal.engine.filter.lex;

/** The kinds of token the display-filter scanner produces, as in tshark 4.0's grammar. */
public enum TokenKind {
    LPAREN, RPAREN, COMMA, LBRACE, RBRACE, DOTDOT, LBRACKET, RBRACKET, HASH, DOLLAR,
    /** Digits after {@code #}: a layer number. */
    INDEX,
    /** One comma-separated part of a slice or layer range, kept as written ({@code 1:2}, {@code -3-}). */
    RANGE_NODE,
    ANY, ALL,
    ANY_EQ, ALL_NE, ALL_EQ, ANY_NE, GT, GE, LT, LE,
    CONTAINS, MATCHES, NOT, AND, OR, IN,
    PLUS, MINUS, STAR, SLASH, PERCENT, BITWISE_AND,
    /** A double-quoted (or raw {@code r"…"}) string; the token carries the decoded bytes. */
    STRING,
    /** A single-quoted character constant; the token carries its value. */
    CHARCONST,
    /** A word that may be a field name or a literal, decided by the type checker. */
    UNPARSED,
    /** A word that can only be a literal: MAC, IPv4/IPv6 (with prefix), byte string, {@code :hex}. */
    LITERAL,
    /** A word with a leading dot: always a field ({@code .fc}). */
    FIELD,
    /** Any other single character; always a syntax error. */
    UNKNOWN,
    /** A scanner error; reaching it raises its message. */
    ERROR,
    EOF;

    /** Comparison operators (those that may be chained and take arithmetic operands). */
    public boolean isComparison() {
        return switch (this) {
            case ANY_EQ, ALL_NE, ALL_EQ, ANY_NE, GT, GE, LT, LE -> true;
            default -> false;
        };
    }
}
