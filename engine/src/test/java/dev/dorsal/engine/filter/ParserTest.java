package dev.dorsal.engine.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dorsal.engine.filter.lex.Lexer;
import dev.dorsal.engine.filter.parse.Node;
import dev.dorsal.engine.filter.parse.Parser;
import dev.dorsal.engine.filter.parse.SliceRange;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser on its own: tree shapes (precedence, grouping, chains) and syntax errors. */
class ParserTest {

    private static Node parse(String filter) throws FilterException {
        return Parser.parse(filter, Lexer.tokenize(filter), name -> true);
    }

    /** The tree as an S-expression: {@code (or a (and b c))}. */
    private static String show(Node n) {
        return switch (n) {
            case Node.Logical l -> "(" + (l.and() ? "and " : "or ") + show(l.left()) + " " + show(l.right()) + ")";
            case Node.Not x -> "(not " + show(x.inner()) + ")";
            case Node.Compare c -> "(" + quant(c.quantifier()) + c.op().text() + " " + show(c.left()) + " "
                    + show(c.right()) + ")";
            case Node.Relation r -> "(" + quant(r.quantifier()) + r.op().text() + " " + show(r.left()) + " "
                    + show(r.right()) + ")";
            case Node.Membership m -> "(" + quant(m.quantifier()) + (m.negated() ? "not-in " : "in ")
                    + show(m.left()) + " {" + m.elements().stream()
                            .map(e -> e.high() == null ? show(e.low()) : show(e.low()) + ".." + show(e.high()))
                            .collect(Collectors.joining(" ")) + "})";
            case Node.Word w -> w.token().text();
            case Node.DotField d -> "." + d.name();
            case Node.Str s -> s.token().text();
            case Node.CharConst c -> c.token().text();
            case Node.Layer l -> show(l.field()) + "#" + ranges(l.ranges());
            case Node.Slice s -> show(s.entity()) + "[" + ranges(s.ranges()) + "]";
            case Node.Call c -> c.name().text() + "(" + c.args().stream().map(ParserTest::show)
                    .collect(Collectors.joining(", ")) + ")";
            case Node.Reference r -> "${" + show(r.field()) + "}";
            case Node.Arith a -> "(" + a.op().text() + " " + show(a.left()) + " " + show(a.right()) + ")";
            case Node.Negate x -> "(neg " + show(x.operand()) + ")";
        };
    }

    private static String quant(Node.Quantifier q) {
        return q == Node.Quantifier.NONE ? "" : q.name().toLowerCase() + " ";
    }

    private static String ranges(java.util.List<SliceRange> rs) {
        return rs.stream().map(r -> switch (r.kind()) {
            case LENGTH -> r.start() + ":" + r.second();
            case END -> r.start() + "-" + r.second();
            case TO_END -> r.start() + ":";
        }).collect(Collectors.joining(","));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", quoteCharacter = '`', value = {
        "a or b and c :: (or a (and b c))",
        "a and b or c :: (or (and a b) c)",
        "a || b && c || d :: (or (or a (and b c)) d)",
        "not a and b :: (and (not a) b)",
        "!a == 1 :: (not (== a 1))",
        "not not a :: (not (not a))",
        "(a or b) and c :: (and (or a b) c)",
        "a < b <= c :: (and (< a b) (<= b c))",
        "a + b * c == d :: (== (+ a (* b c)) d)",
        "a * b + c == d :: (== (+ (* a b) c) d)",
        "a & b + c :: (& a (+ b c))",
        "{a + b} * c > 1 :: (> (* (+ a b) c) 1)",
        "a - -b == 1 :: (== (- a (neg b)) 1)",
        "+a == 1 :: (== a 1)",
        "a - b - c == 1 :: (== (- (- a b) c) 1)",
        "any a == 1 :: (any == a 1)",
        "all a != 1 and b :: (and (all != a 1) b)",
        "a contains \"x\" :: (contains a \"x\")",
        "a ~ \"x\" :: (~ a \"x\")",
        "a in {1, 2..3, -4} :: (in a {1 2..3 (neg 4)})",
        "a not in {1} :: (not-in a {1})",
        "f[0:2] == 1 :: (== f[0:2] 1)",
        "f[1-2,3,:4,5:] == 1 :: (== f[1-2,3:1,0:4,5:] 1)",
        "f[0][1:2] == 1 :: (== f[0:1][1:2] 1)",
        "ip.src#2 == 1 :: (== ip.src#2:1 1)",
        "ip.src#[1-2,-1] == 1 :: (== ip.src#1-2,-1:1 1)",
        "len(a) > max(b, c + 1) :: (> len(a) max(b, (+ c 1)))",
        "count() == 0 :: (== count() 0)",
        "${ip.src} == .ip.dst :: (== ${ip.src} .ip.dst)",
        "upper(a)[0] == 'A' :: (== upper(a)[0:1] 'A')",
    })
    void buildsTheTree(String filter, String expected) throws FilterException {
        assertEquals(expected, show(parse(filter)));
    }

    @Test
    void emptyFilterHasNoTree() throws FilterException {
        assertNull(parse(""));
        assertNull(parse("   "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a ==                  | Unexpected end of filter expression.            | -1",
        "(a                    | Unexpected end of filter expression.            | -1",
        "()                    | \")\" was unexpected in this context.           | 1",
        "a)                    | \")\" was unexpected in this context.           | 1",
        "a b                   | \"b\" was unexpected in this context.           | 2",
        "a in {1 2}            | \"2\" was unexpected in this context.           | 8",
        "a in {}               | \"}\" was unexpected in this context.           | 6",
        "a + 1 contains 2      | \"contains\" was unexpected in this context.    | 6",
        "-{a} == 1             | \"{\" was unexpected in this context.           | 1",
        "a == -(1)             | \"(\" was unexpected in this context.           | 6",
        "any a                 | Unexpected end of filter expression.            | -1",
        "a not b               | \"b\" was unexpected in this context.           | 6",
        "f[1-1] == 1           | Range 1-1 isn't valid because 1 is greater or equal than 1 | 2",
        "f[0:0]                | Range 0:0 isn't valid because length 0 isn't positive | 2",
        "f[1:2:3]              | \"1:2:3\" is not a valid range.                  | 2",
        "f[x]                  | \"x\" is not a valid number.                     | 2",
        "f[2147483648]         | \"2147483648\" causes an integer overflow.       | 2",
        "f#3000000000          | \"3000000000\" causes an integer overflow.       | 2",
        "$a                    | \"a\" was unexpected in this context.           | 1",
        "a == 1 or foo(1) == 1 | Function 'foo' does not exist                  | 10",
        "vals(a) == 1          | Function 'vals' does not exist                 | 0",
    })
    void reportsTheFirstBadToken(String filter, String message, int start) {
        FilterException e = assertThrows(FilterException.class, () -> parse(filter));
        assertEquals(message, e.shortMessage());
        assertEquals(start, e.start());
    }

    @Test
    void unknownDotFieldFailsWhenReached() {
        FilterException e = assertThrows(FilterException.class,
                () -> Parser.parse("a == .nope", Lexer.tokenize("a == .nope"), name -> !name.equals("nope")));
        assertEquals("\"nope\" is not a valid protocol or protocol field.", e.shortMessage());
        assertEquals(5, e.start());
        // So does a layer on a name that is no field.
        FilterException layer = assertThrows(FilterException.class,
                () -> Parser.parse("a == 1 or b#1 == 2", Lexer.tokenize("a == 1 or b#1 == 2"), name -> !name.equals("b")));
        assertEquals("b is not a valid field", layer.shortMessage());
        assertEquals(10, layer.start());
        // A syntax error before it is reported first.
        FilterException first = assertThrows(FilterException.class,
                () -> Parser.parse("a == ) .nope", Lexer.tokenize("a == ) .nope"), name -> false));
        assertEquals("\")\" was unexpected in this context.", first.shortMessage());
    }
}
