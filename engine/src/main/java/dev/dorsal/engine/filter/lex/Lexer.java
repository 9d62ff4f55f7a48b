package dev.dorsal.engine.filter.lex;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a display filter into tokens the way tshark 4.0's scanner does: longest match wins, words
 * made of letters, digits, {@code _ - .} are field names or literals, MAC/IP/byte-string shapes are
 * literals, {@code #} starts a layer number and {@code [} a slice range. Scanning stops at the first
 * error, which becomes an {@link TokenKind#ERROR} token so the parser reports earlier syntax errors
 * first, as the real (pull-driven) scanner would.
 *
 * <pre>{@code ip.src#2 == 10.0.0.0/8}  →  UNPARSED(ip.src) HASH INDEX(2) ANY_EQ LITERAL(10.0.0.0/8) EOF</pre>
 */
public final class Lexer {
    private static final Map<String, TokenKind> KEYWORDS = Map.ofEntries(
            Map.entry("any", TokenKind.ANY), Map.entry("all", TokenKind.ALL),
            Map.entry("eq", TokenKind.ANY_EQ), Map.entry("any_eq", TokenKind.ANY_EQ),
            Map.entry("ne", TokenKind.ALL_NE), Map.entry("all_ne", TokenKind.ALL_NE),
            Map.entry("all_eq", TokenKind.ALL_EQ), Map.entry("any_ne", TokenKind.ANY_NE),
            Map.entry("gt", TokenKind.GT), Map.entry("ge", TokenKind.GE),
            Map.entry("lt", TokenKind.LT), Map.entry("le", TokenKind.LE),
            Map.entry("contains", TokenKind.CONTAINS), Map.entry("matches", TokenKind.MATCHES),
            Map.entry("not", TokenKind.NOT), Map.entry("and", TokenKind.AND), Map.entry("or", TokenKind.OR),
            Map.entry("in", TokenKind.IN), Map.entry("bitwise_and", TokenKind.BITWISE_AND));

    /** Symbols, longest first so a plain prefix scan finds the longest match. */
    private static final String[][] SYMBOLS = {
        {"===", "ALL_EQ"}, {"!==", "ANY_NE"},
        {"==", "ANY_EQ"}, {"!=", "ALL_NE"}, {"~=", "ANY_NE"}, {">=", "GE"}, {"<=", "LE"}, {"&&", "AND"},
        {"||", "OR"}, {"..", "DOTDOT"},
        {">", "GT"}, {"<", "LT"}, {"~", "MATCHES"}, {"!", "NOT"}, {"+", "PLUS"}, {"-", "MINUS"}, {"*", "STAR"},
        {"/", "SLASH"}, {"%", "PERCENT"}, {"&", "BITWISE_AND"}, {"(", "LPAREN"}, {")", "RPAREN"},
        {",", "COMMA"}, {"{", "LBRACE"}, {"}", "RBRACE"}, {"$", "DOLLAR"},
    };

    private enum Mode { INITIAL, LAYER, RANGE }

    private final String s;
    private final List<Token> out = new ArrayList<>();
    private int pos;
    private Mode mode = Mode.INITIAL;

    private Lexer(String s) {
        this.s = s;
    }

    /** Every token up to and including EOF, or up to and including the first ERROR token. */
    public static List<Token> tokenize(String text) {
        Lexer lx = new Lexer(text);
        lx.run();
        return lx.out;
    }

    private void run() {
        while (true) {
            Token t = next();
            out.add(t);
            if (t.kind() == TokenKind.EOF || t.kind() == TokenKind.ERROR) {
                return;
            }
        }
    }

    private Token next() {
        return switch (mode) {
            case LAYER -> layer();
            case RANGE -> range();
            case INITIAL -> initial();
        };
    }

    private Token layer() {
        if (pos >= s.length()) {
            mode = Mode.INITIAL;
            return Token.of(TokenKind.EOF, "", pos, 0);
        }
        char c = s.charAt(pos);
        if (isDigit(c)) {
            int start = pos;
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
            mode = Mode.INITIAL;
            return Token.of(TokenKind.INDEX, s.substring(start, pos), start, pos - start);
        }
        if (c == '[') {
            mode = Mode.RANGE;
            return Token.of(TokenKind.LBRACKET, "[", pos++, 1);
        }
        return Token.error("Expected digit or \"[\", not \"" + c + "\"", pos, 1);
    }

    private Token range() {
        if (pos >= s.length()) {
            return Token.error("The right bracket was missing from a slice.", pos, 1);
        }
        char c = s.charAt(pos);
        if (c == ',') {
            return Token.of(TokenKind.COMMA, ",", pos++, 1);
        }
        if (c == ']') {
            mode = Mode.INITIAL;
            return Token.of(TokenKind.RBRACKET, "]", pos++, 1);
        }
        int start = pos;
        while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != ']') {
            pos++;
        }
        return Token.of(TokenKind.RANGE_NODE, s.substring(start, pos), start, pos - start);
    }

    private Token initial() {
        while (pos < s.length() && isSpace(s.charAt(pos))) {
            pos++;
        }
        if (pos >= s.length()) {
            return Token.of(TokenKind.EOF, "", pos, 0);
        }
        char c = s.charAt(pos);
        if (c == '"' || ((c == 'r' || c == 'R') && pos + 1 < s.length() && s.charAt(pos + 1) == '"')) {
            return string();
        }
        if (c == '\'') {
            return charConst();
        }
        if (c == '#') {
            mode = Mode.LAYER;
            return Token.of(TokenKind.HASH, "#", pos++, 1);
        }
        if (c == '[') {
            mode = Mode.RANGE;
            return Token.of(TokenKind.LBRACKET, "[", pos++, 1);
        }
        Token word = word();
        if (word != null) {
            return word;
        }
        for (String[] sym : SYMBOLS) {
            if (s.startsWith(sym[0], pos)) {
                int start = pos;
                pos += sym[0].length();
                return Token.of(TokenKind.valueOf(sym[1]), sym[0], start, sym[0].length());
            }
        }
        int start = pos;
        int cp = s.codePointAt(pos);
        pos += Character.charCount(cp);
        return Token.of(TokenKind.UNKNOWN, s.substring(start, pos), start, pos - start);
    }

    /** The longest word-shaped token at {@code pos} (identifier, field, or a literal shape), or null. */
    private Token word() {
        int ident = Words.identifier(s, pos);
        int dotIdent = s.charAt(pos) == '.' ? Words.identifier(s, pos + 1) : 0;
        int literal = Math.max(Math.max(Words.mac(s, pos), Words.ipv4(s, pos)),
                Math.max(Words.ipv6(s, pos), Words.colonBytes(s, pos)));
        int start = pos;
        if (dotIdent > 0 && dotIdent + 1 > literal) {
            pos += dotIdent + 1;
            return Token.of(TokenKind.FIELD, s.substring(start, pos), start, pos - start);
        }
        if (ident > 0 && ident >= literal) {
            pos += ident;
            String text = s.substring(start, pos);
            TokenKind kw = KEYWORDS.get(text);
            return Token.of(kw != null ? kw : TokenKind.UNPARSED, text, start, ident);
        }
        if (literal > 0) {
            pos += literal;
            return Token.of(TokenKind.LITERAL, s.substring(start, pos), start, literal);
        }
        return null;
    }

    private Token string() {
        int start = pos;
        boolean raw = s.charAt(pos) != '"';
        pos += raw ? 2 : 1;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (true) {
            if (pos >= s.length()) {
                return Token.error("The final quote was missing from a quoted string.", pos, 1);
            }
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                String text = s.substring(start, pos);
                return new Token(TokenKind.STRING, text, start, pos - start, buf.toByteArray(), 0, null);
            }
            if (c != '\\') {
                int cp = s.codePointAt(pos);
                int n = Character.charCount(cp);
                buf.writeBytes(s.substring(pos, pos + n).getBytes(StandardCharsets.UTF_8));
                pos += n;
                continue;
            }
            if (pos + 1 >= s.length()) {
                return Token.error("The final quote was missing from a quoted string.", s.length(), 1);
            }
            Token err = raw ? rawEscape(buf) : escape(buf);
            if (err != null) {
                return err;
            }
        }
    }

    private Token rawEscape(ByteArrayOutputStream buf) {
        // Raw strings keep the backslash; \" and \\ only stop the pair from ending the string.
        int n = Character.charCount(s.codePointAt(pos + 1));
        buf.writeBytes(s.substring(pos, pos + 1 + n).getBytes(StandardCharsets.UTF_8));
        pos += 1 + n;
        return null;
    }

    private Token escape(ByteArrayOutputStream buf) {
        int start = pos;
        char e = s.charAt(pos + 1);
        if (e >= '0' && e <= '7') {
            int end = pos + 1;
            while (end < s.length() && end < pos + 4 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                end++;
            }
            int v = Integer.parseInt(s.substring(pos + 1, end), 8);
            if (v > 0xff) {
                return Token.error(s.substring(start, end) + " is larger than 255.", start, end - start);
            }
            buf.write(v);
            pos = end;
            return null;
        }
        if (e == 'x' && pos + 2 < s.length() && isHex(s.charAt(pos + 2))) {
            int end = pos + 3;
            if (end < s.length() && isHex(s.charAt(end))) {
                end++;
            }
            buf.write(Integer.parseInt(s.substring(pos + 2, end), 16));
            pos = end;
            return null;
        }
        if (e == 'u' || e == 'U') {
            int want = e == 'u' ? 4 : 8;
            int end = pos + 2;
            while (end < s.length() && end < pos + 2 + want && isHex(s.charAt(end))) {
                end++;
            }
            String seq = s.substring(start, end);
            long cp = end - pos - 2 == want ? Long.parseLong(s.substring(pos + 2, end), 16) : -1;
            if (!validUniversalName(cp)) {
                return Token.error(seq + " is not a valid universal character name", start, end - start);
            }
            buf.writeBytes(new String(Character.toChars((int) cp)).getBytes(StandardCharsets.UTF_8));
            pos = end;
            return null;
        }
        int v = switch (e) {
            case 'a' -> 7;
            case 'b' -> 8;
            case 'f' -> 12;
            case 'n' -> 10;
            case 'r' -> 13;
            case 't' -> 9;
            case 'v' -> 11;
            case '\\', '"', '\'' -> e;
            default -> -1;
        };
        if (v < 0) {
            int n = Character.charCount(s.codePointAt(pos + 1));
            String seq = s.substring(start, pos + 1 + n);
            return Token.error(seq + " is not a valid character escape sequence", start, 1 + n);
        }
        buf.write(v);
        pos += 2;
        return null;
    }

    /** C11 rules for \\u and \\U: no surrogates, nothing past U+10FFFF, nothing below U+00A0 but $ @ `. */
    private static boolean validUniversalName(long cp) {
        if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        return cp >= 0xA0 || cp == 0x24 || cp == 0x40 || cp == 0x60;
    }

    private Token charConst() {
        int start = pos;
        pos++;
        while (true) {
            if (pos >= s.length()) {
                return Token.error("The final quote was missing from a character constant.", pos, 1);
            }
            char c = s.charAt(pos);
            if (c == '\'') {
                pos++;
                break;
            }
            if (c == '\\') {
                if (pos + 1 >= s.length()) {
                    return Token.error("The final quote was missing from a character constant.", s.length(), 1);
                }
                pos += 1 + Character.charCount(s.codePointAt(pos + 1));
            } else {
                pos += Character.charCount(s.codePointAt(pos));
            }
        }
        String text = s.substring(start, pos);
        CharConstants.Result r = CharConstants.parse(text);
        if (r.error() != null) {
            return Token.error(r.error(), start, pos - start);
        }
        return new Token(TokenKind.CHARCONST, text, start, pos - start, null, r.value(), null);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
