package dev.dorsal.engine.spi;

/**
 * A protocol, as registered by proto_register_protocol: its full name (tree label), short name
 * (Protocol column) and filter name. The protocol is itself a field of type PROTOCOL, so
 * {@code tcp} works as an existence test and {@code frame contains "x"} sees its bytes.
 */
public final class ProtocolDef {
    private final String name;
    private final String shortName;
    private final String filterName;
    private final FieldDef field;

    public ProtocolDef(String name, String shortName, String filterName) {
        this.name = name;
        this.shortName = shortName;
        this.filterName = filterName;
        this.field = FieldDef.of(filterName, name, FieldType.PROTOCOL, Base.NONE);
    }

    public String name() { return name; }
    public String shortName() { return shortName; }
    public String filterName() { return filterName; }
    /** The PROTOCOL-typed field that stands for this protocol in the tree and in filters. */
    public FieldDef field() { return field; }

    @Override
    public String toString() {
        return filterName;
    }
}
