package dev.dorsal.engine.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.filter.lex.Lexer;
import dev.dorsal.engine.filter.lex.Token;
import dev.dorsal.engine.filter.lex.TokenKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scanner on its own: token kinds, texts and positions, as tshark 4.0's scanner splits filters. */
class LexerTest {

    /** Kinds and texts, e.g. {@code UNPARSED(tcp.port) ANY_EQ(==) UNPARSED(80)}, EOF left out. */
    private static String scan(String filter) {
        List<Token> tokens = Lexer.tokenize(filter);
        return tokens.stream()
                .filter(t -> t.kind() != TokenKind.EOF)
                .map(t -> t.kind() == TokenKind.ERROR ? "ERROR[" + t.error() + "]@" + t.start()
                        : t.kind() + "(" + t.text() + ")")
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "tcp.port == 80                 | UNPARSED(tcp.port) ANY_EQ(==) UNPARSED(80)",
        "tcp.port==80&&!udp             | UNPARSED(tcp.port) ANY_EQ(==) UNPARSED(80) AND(&&) NOT(!) UNPARSED(udp)",
        "a eq b and c or not d          | UNPARSED(a) ANY_EQ(eq) UNPARSED(b) AND(and) UNPARSED(c) OR(or) NOT(not) UNPARSED(d)",
        "andy in {1..2}                 | UNPARSED(andy) IN(in) LBRACE({) UNPARSED(1) DOTDOT(..) UNPARSED(2) RBRACE(})",
        "a === b !== c ~= d             | UNPARSED(a) ALL_EQ(===) UNPARSED(b) ANY_NE(!==) UNPARSED(c) ANY_NE(~=) UNPARSED(d)",
        "tcp.srcport-1 == 5             | UNPARSED(tcp.srcport-1) ANY_EQ(==) UNPARSED(5)",
        "tcp.srcport -1                 | UNPARSED(tcp.srcport) MINUS(-) UNPARSED(1)",
        "ip.src == 10.0.0.0/8           | UNPARSED(ip.src) ANY_EQ(==) LITERAL(10.0.0.0/8)",
        "ip.src == 10.0.0.1/8a          | UNPARSED(ip.src) ANY_EQ(==) LITERAL(10.0.0.1/8) UNPARSED(a)",
        "a == 1.2/8                     | UNPARSED(a) ANY_EQ(==) UNPARSED(1.2) SLASH(/) UNPARSED(8)",
        "x == fe80::1/64                | UNPARSED(x) ANY_EQ(==) LITERAL(fe80::1/64)",
        "x == ::ffff:1.2.3.4            | UNPARSED(x) ANY_EQ(==) LITERAL(::ffff:1.2.3.4)",
        "x == 00:11:22:33:44:55         | UNPARSED(x) ANY_EQ(==) LITERAL(00:11:22:33:44:55)",
        "x == :fc                       | UNPARSED(x) ANY_EQ(==) LITERAL(:fc)",
        "x == a:b                       | UNPARSED(x) ANY_EQ(==) UNPARSED(a) LITERAL(:b)",
        "x == .fc                       | UNPARSED(x) ANY_EQ(==) FIELD(.fc)",
        "x == a.                        | UNPARSED(x) ANY_EQ(==) UNPARSED(a) UNKNOWN(.)",
        "frame[1:2,-3] == 4             | UNPARSED(frame) LBRACKET([) RANGE_NODE(1:2) COMMA(,) RANGE_NODE(-3) RBRACKET(]) ANY_EQ(==) UNPARSED(4)",
        "ip.src#2                       | UNPARSED(ip.src) HASH(#) INDEX(2)",
        "ip.src#[-1]                    | UNPARSED(ip.src) HASH(#) LBRACKET([) RANGE_NODE(-1) RBRACKET(])",
        "a ^^ b                         | UNPARSED(a) UNKNOWN(^) UNKNOWN(^) UNPARSED(b)",
        "${ip.src}                      | DOLLAR($) LBRACE({) UNPARSED(ip.src) RBRACE(})",
        "{a + b} * 2 % 3 & 4            | LBRACE({) UNPARSED(a) PLUS(+) UNPARSED(b) RBRACE(}) STAR(*) UNPARSED(2) PERCENT(%) UNPARSED(3) BITWISE_AND(&) UNPARSED(4)",
    })
    void splitsIntoTokens(String filter, String expected) {
        assertEquals(expected, scan(filter));
    }

    @Test
    void tokensKnowWhereTheyStart() {
        List<Token> t = Lexer.tokenize("  tcp.port  ==\t80");
        assertEquals(2, t.get(0).start());
        assertEquals(8, t.get(0).length());
        assertEquals(12, t.get(1).start());
        assertEquals(15, t.get(2).start());
        assertEquals(17, t.get(3).start());
        assertEquals(TokenKind.EOF, t.get(3).kind());
    }

    @Test
    void stringsCarryDecodedBytes() {
        Token s = Lexer.tokenize("\"G\\x45\\124\\n\\u00e9\\\"\"").get(0);
        assertEquals(TokenKind.STRING, s.kind());
        assertArrayEquals("GET\né\"".getBytes(StandardCharsets.UTF_8), s.bytes());
        Token raw = Lexer.tokenize("r\"a\\x41\\\"\"").get(0);
        assertArrayEquals("a\\x41\\\"".getBytes(StandardCharsets.UTF_8), raw.bytes());
    }

    @Test
    void characterConstantsCarryTheirValue() {
        assertEquals(0x41, Lexer.tokenize("'A'").get(0).number());
        assertEquals(0x0a, Lexer.tokenize("'\\x0a'").get(0).number());
        assertEquals(0x0a, Lexer.tokenize("'\\012'").get(0).number());
        assertEquals(9, Lexer.tokenize("'\\t'").get(0).number());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "x == \"abc                 | ERROR[The final quote was missing from a quoted string.]@9",
        "x == \"\\q\"               | ERROR[\\q is not a valid character escape sequence]@6",
        "x == \"\\400\"             | ERROR[\\400 is larger than 255.]@6",
        "x == \"\\u0041\"           | ERROR[\\u0041 is not a valid universal character name]@6",
        "x == ''                    | ERROR[Empty character constant.]@5",
        "x == '\\n'                 | ERROR['\\n' is too long to be a valid character constant.]@5",
        "x == 'ab'                  | ERROR['ab' is too long to be a valid character constant.]@5",
        "frame[0                    | ERROR[The right bracket was missing from a slice.]@7",
        "ip.src# == 1               | ERROR[Expected digit or \"[\", not \" \"]@7",
    })
    void errorsStopTheScan(String filter, String expected) {
        String got = scan(filter);
        assertEquals(expected, got.substring(got.indexOf("ERROR")));
    }
}
