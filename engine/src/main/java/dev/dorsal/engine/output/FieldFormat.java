package dev.dorsal.engine.output;

import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.CoreFields;
import dev.dorsal.engine.spi.EtherNames;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.ValueString;

/**
 * Turns one tree node into the three texts tshark shows for it: the {@code -T fields} value, the
 * JSON "show" value, and the {@code -V} label line.
 *
 * <pre>{@code
 * ip.id (UINT16, HEX_DEC) = 0x6ab0   fieldsText "0x6ab0"   label "Identification: 0x6ab0 (27312)"
 * ip.flags.df (BOOLEAN 8, 0x40) = 1  fieldsText "1"        label ".1.. .... = Don't fragment: Set"
 * }</pre>
 */
public final class FieldFormat {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Labels show at most this many bytes of a byte field, then an ellipsis (as tshark does). */
    private static final int LABEL_BYTES_MAX = 36;

    private FieldFormat() {}

    // ---- -T fields --------------------------------------------------------------------------

    /**
     * The value as {@code -T fields} prints it, before the output's escaping of {@code \ \r \n \t}:
     * integers in decimal (hex for BASE_HEX and BASE_HEX_DEC, zero-padded to the type's width),
     * booleans 1/0, FT_NONE 1, bytes as contiguous hex ({@code <MISSING>} when empty), protocols as
     * their label.
     */
    public static String fieldsText(ProtoItem item) {
        FieldDef f = item.field();
        if (f == null) {
            return textOnlyLabel(item);
        }
        return switch (f.type()) {
            case NONE -> "1";
            case PROTOCOL -> protocolText(item);
            case OID -> oid(item.bytesValue());
            case BYTES, UINT_BYTES -> {
                byte[] b = item.bytesValue();
                // tshark has no data pointer for an empty byte string and prints this instead; an empty
                // counted byte string (FT_UINT_BYTES) is "<none>".
                yield b.length == 0 ? (f.type() == FieldType.UINT_BYTES ? "<none>" : "<MISSING>")
                        : hex(b, (char) 0, Integer.MAX_VALUE);
            }
            default -> valueText(item);
        };
    }

    /**
     * The value as the JSON output shows it ("show"): like {@link #fieldsText} except that bytes are
     * colon-separated hex and FT_NONE/protocol nodes have an empty value.
     */
    public static String showText(ProtoItem item) {
        FieldDef f = item.field();
        if (f == null) {
            return "";
        }
        return switch (f.type()) {
            case NONE, PROTOCOL -> "";
            case OID -> oid(item.bytesValue());
            case BYTES, UINT_BYTES -> hex(item.bytesValue(), ':', Integer.MAX_VALUE);
            default -> valueText(item);
        };
    }

    /** Value text shared by fields and JSON for every type with a value. */
    private static String valueText(ProtoItem item) {
        FieldDef f = item.field();
        long v = item.num();
        FieldType t = f.type();
        return switch (t) {
            case BOOLEAN -> v != 0 ? "1" : "0";
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, FRAMENUM,
                    INT8, INT16, INT24, INT32, INT40, INT48, INT56, INT64 -> {
                Base b = f.base();
                // A 64-bit BASE_HEX field with a range-string table (quic.frame_type) prints its value in
                // decimal in tshark 4.0.17; narrower ones with ranges (pwach.channel_type) stay hex.
                boolean decimal64 = t.wireSize() == 8 && f.values() != null && f.values().hasRanges();
                if ((b == Base.HEX || b == Base.HEX_DEC) && !decimal64) {
                    yield hexNumber(v, t.wireSize() * 2);
                }
                yield decimal(t, v);
            }
            case IPv4 -> AddressFormat.ipv4(v);
            case ETHER -> AddressFormat.ether(v);
            case IPv6 -> AddressFormat.ipv6(fixed(item.bytesValue(), 16));
            case EUI64 -> AddressFormat.hexJoined(item.bytesValue(), ':');
            case GUID -> guid(item.bytesValue());
            case ABSOLUTE_TIME -> f.base() == Base.CUSTOM && f.customFormatter() != null
                    ? f.customFormatter().apply(v) : TimeText.absolute(v);
            case RELATIVE_TIME -> TimeText.relative(v);
            case FLOAT -> Floats.g(Double.longBitsToDouble(v), 6);
            case DOUBLE -> Floats.g(Double.longBitsToDouble(v), 15);
            case STRING, STRINGZ, STRINGZPAD, UINT_STRING -> {
                String s = item.stringValue();
                yield s != null ? s : "";
            }
            case NONE -> "";
            case PROTOCOL -> protocolText(item);
            case OID -> oid(item.bytesValue());
            case BYTES, UINT_BYTES -> hex(item.bytesValue(), (char) 0, Integer.MAX_VALUE);
        };
    }

    /** A protocol as a value: its label, or its filter name when the label is just the protocol name. */
    private static String protocolText(ProtoItem item) {
        String label = item.label();
        String suffix = item.labelSuffix();
        if (label == null && suffix == null) {
            return item.field().abbrev();
        }
        return (label != null ? label : item.field().name()) + (suffix != null ? suffix : "");
    }

    private static String textOnlyLabel(ProtoItem item) {
        String l = item.label() != null ? item.label() : "";
        return item.labelSuffix() != null ? l + item.labelSuffix() : l;
    }

    // ---- -V labels ----------------------------------------------------------------------------

    /** The whole {@code -V} line of the node (without indentation), generated items in brackets. */
    public static String label(ProtoItem item) {
        StringBuilder sb = new StringBuilder(64);
        appendLabel(sb, item);
        return sb.toString();
    }

    /** Appends {@link #label(ProtoItem)} to {@code sb}. */
    public static void appendLabel(StringBuilder sb, ProtoItem item) {
        appendLabel(sb, item, true);
    }

    /**
     * Appends the label; with {@code resolveMac} false (tshark's {@code -n}) MAC addresses show as
     * plain hex ({@code Destination: ff:ff:ff:ff:ff:ff}) instead of {@code Broadcast (ff:ff:…)}.
     */
    public static void appendLabel(StringBuilder sb, ProtoItem item, boolean resolveMac) {
        boolean gen = item.generated();
        if (gen) {
            sb.append('[');
        }
        appendPlainLabel(sb, item, resolveMac);
        if (gen) {
            sb.append(']');
        }
    }

    /**
     * The label without the brackets of generated items, cut to tshark's 240-byte label buffer:
     * what JSON uses as the key of a text item.
     */
    public static String plainLabel(ProtoItem item) {
        StringBuilder sb = new StringBuilder(64);
        appendPlainLabel(sb, item, true);
        return sb.toString();
    }

    private static void appendPlainLabel(StringBuilder sb, ProtoItem item, boolean resolveMac) {
        int start = sb.length();
        String custom = item.label();
        if (custom != null) {
            sb.append(custom);
        } else {
            appendDefaultLabel(sb, item, resolveMac);
        }
        LabelText.fit(sb, start, namePosition(sb, start, item));
        String suffix = item.labelSuffix();
        if (suffix != null) {
            sb.append(suffix);
            // Appended text that does not fit is cut without a marker, as tshark does.
            LabelText.cutAppended(sb, start);
        }
    }

    /** The default "Name: value" text of a node, with the bit pattern of masked fields in front. */
    private static void appendDefaultLabel(StringBuilder sb, ProtoItem item, boolean resolveMac) {
        FieldDef f = item.field();
        if (f == null) {
            return;
        }
        FieldType t = f.type();
        switch (t) {
            case PROTOCOL, NONE -> sb.append(f.name());
            case BOOLEAN -> {
                boolean value = item.num() != 0;
                if (f.mask() != 0 && f.bitWidth() > 0) {
                    LabelText.appendBits(sb, booleanBits(item, value), f.mask(), f.bitWidth());
                }
                TrueFalse tf = f.trueFalse();
                sb.append(f.name()).append(": ");
                sb.append(tf != null ? tf.of(value) : (value ? "True" : "False"));
            }
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, FRAMENUM,
                    INT8, INT16, INT24, INT32, INT40, INT48, INT56, INT64 -> {
                long v = item.num();
                if (f.mask() != 0) {
                    int width = f.bitWidth() > 0 ? f.bitWidth() : t.wireSize() * 8;
                    LabelText.appendBits(sb, v << f.shift(), f.mask(), width);
                }
                sb.append(f.name()).append(": ");
                appendIntegerValue(sb, f, v);
            }
            case ETHER -> sb.append(f.name()).append(": ")
                    .append(resolveMac ? EtherNames.withRaw(item.num()) : AddressFormat.ether(item.num()));
            case BYTES, UINT_BYTES -> {
                sb.append(f.name()).append(": ");
                byte[] b = item.bytesValue();
                if (b.length == 0) {
                    sb.append(f.type() == FieldType.UINT_BYTES ? "<none>" : "<MISSING>");
                } else {
                    sb.append(hex(b, (char) 0, LABEL_BYTES_MAX));
                }
            }
            case STRING, STRINGZ, STRINGZPAD, UINT_STRING -> {
                sb.append(f.name()).append(": ");
                String s = item.stringValue();
                LabelText.appendEscaped(sb, s != null ? s : "");
            }
            case RELATIVE_TIME -> sb.append(f.name()).append(": ").append(TimeText.relative(item.num()))
                    .append(" seconds");
            default -> {
                sb.append(f.name()).append(": ").append(valueText(item));
                if (f.unit() != null) {
                    sb.append(f.unit());
                }
            }
        }
    }

    /** The raw bits of a boolean for its bit pattern: re-read from the bytes when the mask spans several bits. */
    private static long booleanBits(ProtoItem item, boolean value) {
        long mask = item.field().mask();
        if (!value) {
            return 0;
        }
        if (Long.bitCount(mask) == 1) {
            return mask;
        }
        int width = item.field().bitWidth();
        if (item.tvb() != null && width % 8 == 0 && item.length() == width / 8 && item.tvb().has(item.offset(), item.length())) {
            long raw = item.tvb().uint(item.offset(), item.length()) & mask;
            if (raw != 0) {
                return raw;
            }
        }
        return mask;
    }

    /** Value part of an integer label: value string, custom formatter, or number by base, then the unit. */
    private static void appendIntegerValue(StringBuilder sb, FieldDef f, long v) {
        if (f.base() == Base.CUSTOM && f.customFormatter() != null) {
            sb.append(f.customFormatter().apply(v));
            return;
        }
        ValueString vals = f.values();
        if (vals != null && (f.base() == Base.NONE || f == CoreFields.EXPERT_SEVERITY || f == CoreFields.EXPERT_GROUP)) {
            // BASE_NONE with a value string shows the name alone ("Header checksum status: Unverified");
            // tshark shows the expert severity and group that way too.
            String name = vals.name(v);
            sb.append(name != null ? name : "Unknown");
            return;
        }
        if (vals != null) {
            String name = vals.name(v);
            sb.append(name != null ? name : "Unknown").append(" (");
            Base b = f.base();
            if (b == Base.HEX || b == Base.HEX_DEC) {
                sb.append(hexNumber(v, labelHexDigits(f)));
            } else {
                sb.append(decimal(f.type(), v));
            }
            sb.append(')');
            return;
        }
        appendNumber(sb, f, v, labelHexDigits(f));
        if (f.unit() != null) {
            sb.append(f.unit());
        }
    }

    private static void appendNumber(StringBuilder sb, FieldDef f, long v, int digits) {
        switch (f.base()) {
            case HEX -> sb.append(hexNumber(v, digits));
            case DEC_HEX -> sb.append(decimal(f.type(), v)).append(" (").append(hexNumber(v, digits)).append(')');
            case HEX_DEC -> sb.append(hexNumber(v, digits)).append(" (").append(decimal(f.type(), v)).append(')');
            case OCT -> sb.append(v == 0 ? "0" : "0" + Long.toOctalString(v));
            case OUI -> sb.append(oui((int) v));
            default -> sb.append(decimal(f.type(), v));
        }
    }

    /**
     * An OUI as tshark labels it: {@code 6c:f0:49 (Giga-Byte Technology } — the vendor's full name in
     * brackets when the tables know it, the whole cut to 31 characters (tshark formats it in a 32-byte
     * buffer, so a long name loses its end and the closing bracket).
     */
    static String oui(int v) {
        String hex = String.format("%02x:%02x:%02x", (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
        String vendor = dev.dorsal.engine.spi.EtherNames.vendor(v);
        if (vendor == null) {
            return hex;
        }
        String text = hex + " (" + vendor + ")";
        return text.length() > 31 ? text.substring(0, 31) : text;
    }

    /** Hex digits a label pads to: the width of the mask (after the shift), else of the type. */
    static int labelHexDigits(FieldDef f) {
        long mask = f.mask();
        int bits;
        if (mask != 0) {
            long shifted = mask >>> f.shift();
            bits = 64 - Long.numberOfLeadingZeros(shifted);
        } else {
            bits = f.type().wireSize() * 8;
        }
        return Math.max(1, (bits + 3) / 4);
    }

    /** Where " [truncated]" goes: after the field name when the label starts with "Name: ", else first. */
    private static int namePosition(StringBuilder sb, int start, ProtoItem item) {
        FieldDef f = item.field();
        if (f == null || f.type() == FieldType.PROTOCOL) {
            return 0;
        }
        String name = f.name();
        int n = name.length();
        if (sb.length() - start > n + 1 && sb.charAt(start + n) == ':' && sb.indexOf(name, start) == start) {
            return n;
        }
        return 0;
    }

    // ---- small formatters ---------------------------------------------------------------------

    static String decimal(FieldType t, long v) {
        if (t.isSigned()) {
            return Long.toString(v);
        }
        return v >= 0 ? Long.toString(v) : Long.toUnsignedString(v);
    }

    /** "0x" then {@code digits} lower-case hex digits (more when the value needs them). */
    static String hexNumber(long v, int digits) {
        if (v < 0 && digits < 16 && digits > 0) {
            v &= (1L << (digits * 4)) - 1; // a negative signed value shows its two's complement in the type's width
        }
        String h = Long.toHexString(v);
        StringBuilder sb = new StringBuilder(2 + Math.max(digits, h.length()));
        sb.append("0x");
        for (int i = h.length(); i < digits; i++) {
            sb.append('0');
        }
        return sb.append(h).toString();
    }

    /** Bytes as lower-case hex, separated by {@code sep} (none when 0); at most {@code max} bytes then "…". */
    static String hex(byte[] b, char sep, int max) {
        int n = Math.min(b.length, max);
        StringBuilder sb = new StringBuilder(n * 3 + 1);
        for (int i = 0; i < n; i++) {
            if (i > 0 && sep != 0) {
                sb.append(sep);
            }
            sb.append(HEX[(b[i] >>> 4) & 15]).append(HEX[b[i] & 15]);
        }
        if (b.length > max) {
            sb.append('…');
        }
        return sb.toString();
    }

    /** A BER-encoded object identifier in dotted form, {@code 2.5.4.3}; the first byte holds two arcs. */
    public static String oid(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        long v = 0;
        boolean first = true;
        for (byte x : b) {
            v = (v << 7) | (x & 0x7f);
            if ((x & 0x80) != 0) {
                continue;
            }
            if (first) {
                long top = Math.min(v / 40, 2);
                sb.append(top).append('.').append(v - 40 * top);
                first = false;
            } else {
                sb.append('.').append(v);
            }
            v = 0;
        }
        return sb.toString();
    }

    private static byte[] fixed(byte[] b, int n) {
        if (b.length == n) {
            return b;
        }
        byte[] out = new byte[n];
        System.arraycopy(b, 0, out, 0, Math.min(n, b.length));
        return out;
    }

    private static String guid(byte[] raw) {
        byte[] b = fixed(raw, 16);
        String h = hex(b, (char) 0, 16);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    /** {@code s} with control characters escaped as tshark's labels show them ({@code \r}, {@code \001}). */
    public static String escaped(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                StringBuilder sb = new StringBuilder(s.length() + 8);
                LabelText.appendEscaped(sb, s);
                return sb.toString();
            }
        }
        return s;
    }
}
