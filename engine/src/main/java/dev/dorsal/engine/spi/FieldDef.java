package dev.dorsal.engine.spi;

import java.util.Objects;
import java.util.function.LongFunction;

/**
 * A registered field, like one entry of Wireshark's hf[] array. Dissectors declare them as
 * {@code static final} constants and hand them to the {@link Registrar}; the object itself is the
 * handle (there is no integer id to keep in sync).
 *
 * <pre>{@code
 * static final FieldDef ID = FieldDef.uint16("dns.id", "Transaction ID").hex();
 * static final FieldDef QR = FieldDef.bool("dns.flags.response", "Response", 16, 0x8000);
 * }</pre>
 */
public final class FieldDef {
    private final String abbrev;
    private final String name;
    private final FieldType type;
    private final Base base;
    private final long mask;
    private final int bitWidth;
    private final ValueString values;
    private final TrueFalse trueFalse;
    private final String unit;
    private final String blurb;
    private final LongFunction<String> custom;
    private final boolean bitItem;
    /** Assigned once by the registry; -1 until registered. */
    private volatile int id = -1;
    private volatile String protocolFilterName;

    private FieldDef(String abbrev, String name, FieldType type, Base base, long mask, int bitWidth,
            ValueString values, TrueFalse trueFalse, String unit, String blurb, LongFunction<String> custom,
            boolean bitItem) {
        this.abbrev = Objects.requireNonNull(abbrev, "abbrev");
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.base = base;
        this.mask = mask;
        this.bitWidth = bitWidth;
        this.values = values;
        this.trueFalse = trueFalse;
        this.unit = unit;
        this.blurb = blurb;
        this.custom = custom;
        this.bitItem = bitItem;
    }

    public static FieldDef of(String abbrev, String name, FieldType type, Base base) {
        return new FieldDef(abbrev, name, type, base, 0, 0, null, null, null, null, null, false);
    }

    public static FieldDef uint8(String abbrev, String name) { return of(abbrev, name, FieldType.UINT8, Base.DEC); }
    public static FieldDef uint16(String abbrev, String name) { return of(abbrev, name, FieldType.UINT16, Base.DEC); }
    public static FieldDef uint24(String abbrev, String name) { return of(abbrev, name, FieldType.UINT24, Base.DEC); }
    public static FieldDef uint32(String abbrev, String name) { return of(abbrev, name, FieldType.UINT32, Base.DEC); }
    public static FieldDef uint48(String abbrev, String name) { return of(abbrev, name, FieldType.UINT48, Base.DEC); }
    public static FieldDef uint64(String abbrev, String name) { return of(abbrev, name, FieldType.UINT64, Base.DEC); }
    public static FieldDef int8(String abbrev, String name) { return of(abbrev, name, FieldType.INT8, Base.DEC); }
    public static FieldDef int16(String abbrev, String name) { return of(abbrev, name, FieldType.INT16, Base.DEC); }
    public static FieldDef int32(String abbrev, String name) { return of(abbrev, name, FieldType.INT32, Base.DEC); }
    public static FieldDef int64(String abbrev, String name) { return of(abbrev, name, FieldType.INT64, Base.DEC); }
    public static FieldDef character(String abbrev, String name) { return of(abbrev, name, FieldType.CHAR, Base.HEX); }
    public static FieldDef framenum(String abbrev, String name) { return of(abbrev, name, FieldType.FRAMENUM, Base.NONE); }
    public static FieldDef string(String abbrev, String name) { return of(abbrev, name, FieldType.STRING, Base.NONE); }
    public static FieldDef stringz(String abbrev, String name) { return of(abbrev, name, FieldType.STRINGZ, Base.NONE); }
    public static FieldDef bytes(String abbrev, String name) { return of(abbrev, name, FieldType.BYTES, Base.NONE); }
    public static FieldDef ether(String abbrev, String name) { return of(abbrev, name, FieldType.ETHER, Base.NONE); }
    public static FieldDef ipv4(String abbrev, String name) { return of(abbrev, name, FieldType.IPv4, Base.NONE); }
    public static FieldDef ipv6(String abbrev, String name) { return of(abbrev, name, FieldType.IPv6, Base.NONE); }
    public static FieldDef none(String abbrev, String name) { return of(abbrev, name, FieldType.NONE, Base.NONE); }
    public static FieldDef absoluteTime(String abbrev, String name) { return of(abbrev, name, FieldType.ABSOLUTE_TIME, Base.NONE); }
    public static FieldDef relativeTime(String abbrev, String name) { return of(abbrev, name, FieldType.RELATIVE_TIME, Base.NONE); }
    public static FieldDef floatField(String abbrev, String name) { return of(abbrev, name, FieldType.FLOAT, Base.NONE); }
    public static FieldDef doubleField(String abbrev, String name) { return of(abbrev, name, FieldType.DOUBLE, Base.NONE); }
    public static FieldDef guid(String abbrev, String name) { return of(abbrev, name, FieldType.GUID, Base.NONE); }

    /** A boolean; {@code bitWidth} is the width of the enclosing value (8, 16, 24, 32), 0 for a stand-alone flag. */
    public static FieldDef bool(String abbrev, String name, int bitWidth, long mask) {
        return new FieldDef(abbrev, name, FieldType.BOOLEAN, Base.NONE, mask, bitWidth, null, TrueFalse.SET,
                null, null, null, false);
    }

    /** A stand-alone boolean shown as True/False. */
    public static FieldDef bool(String abbrev, String name) {
        return new FieldDef(abbrev, name, FieldType.BOOLEAN, Base.NONE, 0, 0, null, null, null, null, null, false);
    }

    private FieldDef copy(Base base, long mask, int bitWidth, ValueString values, TrueFalse tf, String unit,
            String blurb, LongFunction<String> custom) {
        return new FieldDef(abbrev, name, type, base, mask, bitWidth, values, tf, unit, blurb, custom, bitItem);
    }

    public FieldDef base(Base b) { return copy(b, mask, bitWidth, values, trueFalse, unit, blurb, custom); }
    public FieldDef hex() { return base(Base.HEX); }
    public FieldDef dec() { return base(Base.DEC); }
    public FieldDef oct() { return base(Base.OCT); }
    public FieldDef hexDec() { return base(Base.HEX_DEC); }
    public FieldDef decHex() { return base(Base.DEC_HEX); }
    public FieldDef mask(long m) { return copy(base, m, bitWidth, values, trueFalse, unit, blurb, custom); }
    /** For booleans and masked integers: the bit width of the value the mask applies to. */
    public FieldDef bitWidth(int w) { return copy(base, mask, w, values, trueFalse, unit, blurb, custom); }
    public FieldDef vals(ValueString v) { return copy(base, mask, bitWidth, v, trueFalse, unit, blurb, custom); }
    public FieldDef tfs(TrueFalse tf) { return copy(base, mask, bitWidth, values, tf, unit, blurb, custom); }
    /** A unit suffix shown after the value, e.g. {@code " bytes"} (include the leading space). */
    public FieldDef unit(String u) { return copy(base, mask, bitWidth, values, trueFalse, u, blurb, custom); }
    public FieldDef blurb(String b) { return copy(base, mask, bitWidth, values, trueFalse, unit, b, custom); }
    /**
     * A field tshark registers without a mask and adds bit by bit: its label shows the bits of
     * {@link #mask()} as usual, but PDML and EK give the whole bytes as its value.
     */
    public FieldDef bitItem() {
        return new FieldDef(abbrev, name, type, base, mask, bitWidth, values, trueFalse, unit, blurb, custom, true);
    }

    /** True for a {@link #bitItem()}. */
    public boolean isBitItem() { return bitItem; }

    /** BASE_CUSTOM: the value is shown by {@code formatter}. */
    public FieldDef custom(LongFunction<String> formatter) {
        return copy(Base.CUSTOM, mask, bitWidth, values, trueFalse, unit, blurb, formatter);
    }

    public String abbrev() { return abbrev; }
    public String name() { return name; }
    public FieldType type() { return type; }
    public Base base() { return base; }
    public long mask() { return mask; }
    public int bitWidth() { return bitWidth; }
    public ValueString values() { return values; }
    public TrueFalse trueFalse() { return trueFalse; }
    public String unit() { return unit; }
    public String blurb() { return blurb; }
    public LongFunction<String> customFormatter() { return custom; }

    /** Number of bits the mask is shifted by (trailing zeros), 0 without mask. */
    public int shift() {
        return mask == 0 ? 0 : Long.numberOfTrailingZeros(mask);
    }

    /** Process-wide id given at first registration; -1 before.*/
    public int id() { return id; }

    /** Filter name of the protocol that registered this field. */
    public String protocolFilterName() { return protocolFilterName; }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ID = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Called by a registry: gives the field its process-wide id on first registration (ids are dense
     * small integers, so interest sets are bit sets) and records the owning protocol.
     */
    public synchronized void bind(String protocol) {
        if (id == -1) {
            id = NEXT_ID.getAndIncrement();
        }
        if (protocolFilterName == null) {
            protocolFilterName = protocol;
        }
    }

    @Override
    public String toString() {
        return abbrev;
    }
}
