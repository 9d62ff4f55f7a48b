package dev.dorsal.engine.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public API against a small fake protocol: compile, fields used, matching on hand-built trees
 * (multiple occurrences, absent fields, layers, protocol bytes), check() and error text.
 */
class DisplayFilterTest {
    static final ProtocolDef TOY = new ProtocolDef("Toy Protocol", "TOY", "toy");
    static final FieldDef PORT = FieldDef.uint16("toy.port", "Port");
    static final FieldDef KIND = FieldDef.uint8("toy.kind", "Kind").vals(ValueString.of(1, "hello", 2, "bye"));
    static final FieldDef FLAG = FieldDef.bool("toy.flag", "Flag", 8, 0x01);
    static final FieldDef NAME = FieldDef.string("toy.name", "Name");
    static final FieldDef ADDR = FieldDef.ipv4("toy.addr", "Address");
    static final FieldDef DATA = FieldDef.bytes("toy.data", "Data");
    /** A second field registered under an existing name, as Wireshark allows. */
    static final FieldDef PORT_TOO = FieldDef.uint16("toy.port", "Port (again)");

    static final FieldRegistry REGISTRY = registry();

    private static FieldRegistry registry() {
        Registry r = new Registry();
        r.protocol(TOY);
        r.fields(TOY, List.of(PORT, KIND, FLAG, NAME, ADDR, DATA, PORT_TOO));
        return r.fields();
    }

    /** One toy layer per port list entry: bytes "GET x", two ports, kind, name, address. */
    private static PacketTree packet(int[][] portsPerLayer) {
        PacketTree tree = new PacketTree(true, null);
        byte[] bytes = "GET /x HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
        Tvb tvb = Tvb.of(new DataSource("Frame", bytes));
        for (int[] ports : portsPerLayer) {
            ProtoItem toy = tree.root().addProtocol(TOY, tvb, 0, 3);
            for (int p : ports) {
                toy.addUint(PORT, tvb, 0, 2, p);
            }
            toy.addUint(KIND, tvb, 0, 1, 2);
            toy.addBool(FLAG, tvb, 0, 1, ports.length > 1);
            toy.addString(NAME, tvb, 4, 2, "/x");
            toy.addUint(ADDR, tvb, 0, 4, 0x0a000001L);
            toy.add(DATA, tvb, 0, 3);
        }
        return tree;
    }

    private static boolean matches(String filter, PacketTree tree) throws FilterException {
        return DisplayFilter.compile(filter, REGISTRY).matches(tree);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "toy                               | true",
        "toy.port                          | true",
        "''                                | true",
        "toy.port == 80                    | true",
        "toy.port != 80                    | false",
        "toy.port !== 80                   | true",
        "toy.port === 80                   | false",
        "all toy.port > 10                 | true",
        "all toy.port > 100                | false",
        "toy.port in {1..80}               | true",
        "toy.port in {81..442}             | false",
        "toy.port not in {80}              | false",
        "toy.port + toy.port == 523        | true",
        "toy.kind == bye                   | true",
        "toy.kind == \"BYE\"               | true",
        "toy.kind > hello                  | true",
        "toy.flag == 1                     | true",
        "toy.flag == True                  | true",
        "toy.flag == \"Set\"               | true",
        "toy.name == \"/x\"                | true",
        "toy.name matches \"^/X$\"         | true",
        "toy.name matches \"(?-i)^/X$\"    | false",
        "upper(toy.name) == \"/X\"         | true",
        "toy.addr == 10.0.0.0/8            | true",
        "toy.addr == 10.0.0.2              | false",
        "toy.data == \"GET\"               | true",
        "toy.data[0:1] == 47               | true",
        "toy contains \"HTTP\"             | true",
        "toy[0:3] == \"GET\"               | true",
        "len(toy) == 3                     | true",
        "toy[3:1] == 20                    | false",
        "count(toy.port) == 2              | true",
        "toy.port#1 == 80                  | true",
        "toy.port#2 == 80                  | false",
        "missing.nothing                   | false",
    })
    void matchesOneLayer(String filter, String expected) throws FilterException {
        PacketTree tree = packet(new int[][] {{80, 443}});
        if (filter.startsWith("missing")) {
            assertThrows(FilterException.class, () -> matches(filter, tree));
            return;
        }
        assertEquals(Boolean.parseBoolean(expected), matches(filter.equals("''") ? "" : filter, tree), filter);
    }

    @Test
    void absentFieldsMakeEveryComparisonFalse() throws FilterException {
        PacketTree empty = new PacketTree(true, null);
        assertFalse(matches("toy.port == 1", empty));
        assertFalse(matches("toy.port != 1", empty));
        assertTrue(matches("!(toy.port == 1)", empty));
        assertFalse(matches("len(toy.name) + 1 > 0", empty));
        assertFalse(matches("toy.port in {1}", empty));
        assertTrue(matches("toy.port not in {1}", empty));
    }

    @Test
    void layersSelectOccurrencesByProtocolInstance() throws FilterException {
        PacketTree two = packet(new int[][] {{1}, {2, 3}});
        assertTrue(matches("toy.port#1 == 1", two));
        assertFalse(matches("toy.port#1 == 2", two));
        assertTrue(matches("toy.port#2 == 3", two));
        assertTrue(matches("toy.port#[-1] == 2", two));
        assertFalse(matches("toy.port#[-1] == 1", two));
        assertTrue(matches("toy.port#[1-2] == 3", two));
        assertTrue(matches("toy#2", two));
        assertFalse(matches("toy#3", two));
        assertTrue(matches("count(toy.port) == 3", two));
    }

    @Test
    void fieldsUsedHasEveryFieldOfEachNameRead() throws FilterException {
        DisplayFilter f = DisplayFilter.compile("toy.port == 1 && len(toy.name) > 0 || toy", REGISTRY);
        assertEquals(Set.of(PORT, PORT_TOO, NAME, TOY.field()), f.fieldsUsed());
        assertEquals(Set.of(), DisplayFilter.compile("", REGISTRY).fieldsUsed());
    }

    @Test
    void keepsTheText() throws FilterException {
        assertEquals(" toy.port == 1 ", DisplayFilter.compile(" toy.port == 1 ", REGISTRY).text());
    }

    @Test
    void checkSaysOkOrGivesTsharksText() {
        assertEquals("OK", DisplayFilter.check("toy.port == 443", REGISTRY));
        assertEquals("\"70000\" too big for this field, maximum 65535.\n"
                + "    toy.port == 70000\n"
                + "                ^~~~~", DisplayFilter.check("toy.port == 70000", REGISTRY));
        assertEquals("Unexpected end of filter expression.", DisplayFilter.check("toy.port ==", REGISTRY));
        assertEquals("\"nope\" cannot be found among the possible values for toy.kind.\n"
                + "    toy.kind == \"nope\"\n"
                + "                ^~~~~~", DisplayFilter.check("toy.kind == \"nope\"", REGISTRY));
    }

    @Test
    void checkFilterPrintsLikeTshark() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream o = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        java.io.PrintStream e = new java.io.PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, CheckFilter.run("toy.port in {80, 443}", REGISTRY, o, e, "dorsal"));
        assertEquals("OK\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(2, CheckFilter.run("toy.port ==", REGISTRY, o, e, "dorsal"));
        assertEquals("dorsal: Unexpected end of filter expression.\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exceptionExposesTheSpan() {
        FilterException e = assertThrows(FilterException.class,
                () -> DisplayFilter.compile("toy.name contains 1 and toy.port contains 1", REGISTRY));
        assertEquals("toy.port (type=Unsigned integer (2 bytes)) cannot participate in contains comparison.",
                e.shortMessage());
        assertEquals(24, e.start());
        assertEquals(8, e.length());
    }

    @Test
    void caretCountsBytesLikeTshark() {
        FilterException e = new FilterException("x == 'é' and y", "msg", 5, 3);
        assertEquals("msg\n    x == 'é' and y\n         ^~~~", e.getMessage());
        FilterException none = new FilterException("x", "msg", -1, 0);
        assertEquals("msg", none.getMessage());
        assertEquals(0, none.length());
        FilterException end = new FilterException("x == \"", "msg", 6, 1);
        assertEquals("msg\n    x == \"\n          ^", end.getMessage());
    }
}
