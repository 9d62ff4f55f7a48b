package dev.dorsal.engine.script;

import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import org.graalvm.polyglot.HostAccess.Export;

/**
 * One occurrence of a field in a packet's tree, as a field extractor returns it (wslua's FieldInfo):
 * typed value, display text, label, position and flags. Read by the prelude, which wraps it.
 */
public final class FieldInfoView {
    private final ProtoItem item;

    FieldInfoView(ProtoItem item) {
        this.item = item;
    }

    /** Field type name (ftypes), e.g. "UINT16". */
    @Export public String type() { return item.field().type().name(); }
    @Export public String name() { return item.field().abbrev(); }
    @Export public int len() { return item.length(); }
    @Export public int offset() { return item.sourceOffset(); }
    @Export public boolean generated() { return item.generated(); }
    @Export public boolean hidden() { return item.hidden(); }
    /** The value as -T fields prints it. */
    @Export public String display() { return FieldFormat.fieldsText(item); }
    /** The tree label, "Name: value". */
    @Export public String label() { return FieldFormat.label(item); }

    /** Kind of {@link #number()}/{@link #text()} value: "n" number, "b" boolean, "s" string, "x" hex bytes, "t" time ns, "a" address text. */
    @Export
    public String kind() {
        FieldType t = item.field().type();
        if (t.isInteger()) {
            return "n";
        }
        return switch (t) {
            case BOOLEAN -> "b";
            case FLOAT, DOUBLE -> "d";
            case STRING, STRINGZ, STRINGZPAD, UINT_STRING -> "s";
            case ABSOLUTE_TIME, RELATIVE_TIME -> "t";
            case IPv4, IPv6, ETHER -> "a";
            case NONE, PROTOCOL -> "z";
            default -> "x";
        };
    }

    @Export public double number() { return item.field().type() == FieldType.UINT64 ? unsigned(item.num()) : item.num(); }
    @Export public String bigint() { return item.field().type() == FieldType.UINT64 ? Long.toUnsignedString(item.num()) : Long.toString(item.num()); }
    @Export public double dbl() { return item.doubleValue(); }
    @Export public String text() { return item.stringValue() != null ? item.stringValue() : FieldFormat.fieldsText(item); }

    @Export
    public String hex() {
        byte[] b = item.bytesValue();
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return sb.toString();
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }
}
