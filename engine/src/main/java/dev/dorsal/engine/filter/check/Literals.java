package dev.dorsal.engine.filter.check;

import dev.dorsal.engine.filter.eval.Ipv6Net;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.ValueString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts a literal to a constant of a field type: bare words ({@link #fromLiteral}), quoted strings
 * ({@link #fromString}) and character constants ({@link #fromCharConst}), with value-string and
 * true/false labels as a fallback for integer and boolean fields. Failures carry tshark's message.
 *
 * <p>Representation: integers, booleans (0/1), frame numbers and times (ns) are {@code Long}; IPv4 is
 * a {@code Long} holding the prefix length above the 32 address bits; floats are {@code Double};
 * strings {@code String}; IPv6 an {@link Ipv6Net}; everything byte-like a {@code byte[]}.
 */
final class Literals {
    private Literals() {}

    static Object fromLiteral(FieldType t, String s, FieldDef labels) throws Numbers.Bad {
        return fromLiteral(t, s, labels, false);
    }

    /** {@code partial}: a MAC address may be a shorter byte string (the right side of {@code contains}). */
    static Object fromLiteral(FieldType t, String s, FieldDef labels, boolean partial) throws Numbers.Bad {
        try {
            return partial && t == FieldType.ETHER ? ether(s, true) : literal(t, s);
        } catch (Numbers.Bad e) {
            Object v = fromLabel(t, s, labels, e);
            if (v != null) {
                return v;
            }
            throw e;
        }
    }

    static Object fromString(FieldType t, byte[] bytes, FieldDef labels) throws Numbers.Bad {
        // tshark reads the literal as a C string here: it ends at the first NUL.
        int nul = 0;
        while (nul < bytes.length && bytes[nul] != 0) {
            nul++;
        }
        String s = new String(bytes, 0, nul, StandardCharsets.UTF_8);
        try {
            return string(t, s, bytes);
        } catch (Numbers.Bad e) {
            Object v = fromLabel(t, s, labels, e);
            if (v != null) {
                return v;
            }
            throw e;
        }
    }

    static Object fromCharConst(FieldType t, long v, String text) throws Numbers.Bad {
        if (t.isInteger()) {
            return v;
        }
        return switch (t) {
            case BOOLEAN -> v != 0 ? 1L : 0L;
            case BYTES, UINT_BYTES, PROTOCOL -> new byte[] {(byte) v};
            case STRING, STRINGZ, STRINGZPAD, UINT_STRING -> String.valueOf((char) v);
            default -> throw new Numbers.Bad("Character constant " + text + " (0x" + Long.toHexString(v)
                    + ") cannot be converted to " + t.displayName() + ".");
        };
    }

    private static Object literal(FieldType t, String s) throws Numbers.Bad {
        switch (t) {
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, FRAMENUM:
                return Numbers.unsigned(s, t.maxUnsigned());
            case INT8, INT16, INT24, INT32, INT40, INT48, INT56, INT64: {
                int bits = t.wireSize() * 8;
                long max = bits >= 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
                return Numbers.signed(s, -max - 1, max);
            }
            case BOOLEAN:
                if (s.equals("True") || s.equals("TRUE")) {
                    return 1L;
                }
                if (s.equals("False") || s.equals("FALSE")) {
                    return 0L;
                }
                return Numbers.unsigned(s, -1) != 0 ? 1L : 0L;
            case FLOAT, DOUBLE: {
                Double d = Numbers.parseDouble(s);
                if (d == null) {
                    throw new Numbers.Bad("\"" + s + "\" is not a valid floating point number.");
                }
                return t == FieldType.FLOAT ? (double) d.floatValue() : d;
            }
            case ABSOLUTE_TIME:
                return TimeLiterals.absolute(s);
            case RELATIVE_TIME:
                return TimeLiterals.relative(s);
            case IPv4:
                return ipv4(s);
            case IPv6:
                return ipv6(s);
            case ETHER:
                return ether(s, false);
            case STRING, STRINGZ, STRINGZPAD, UINT_STRING:
                return s;
            case OID:
                return ObjectIdentifiers.encode(s);
            default:
                return bytes(s);
        }
    }

    private static Object string(FieldType t, String s, byte[] raw) throws Numbers.Bad {
        return switch (t) {
            case STRING, STRINGZ, STRINGZPAD, UINT_STRING -> s;
            case BYTES, UINT_BYTES, PROTOCOL, GUID -> raw;
            case ABSOLUTE_TIME -> TimeLiterals.absolute(s);
            default -> throw new Numbers.Bad(t.displayName() + " cannot be converted from a string (\"" + s + "\").");
        };
    }

    private static Long ipv4(String s) throws Numbers.Bad {
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        long a = Addresses.ipv4(addr);
        if (a < 0) {
            throw new Numbers.Bad("\"" + addr + "\" is not a valid hostname or IPv4 address.");
        }
        long bits = 32;
        if (slash >= 0) {
            bits = Long.parseLong(s.substring(slash + 1));
            if (bits > 32) {
                throw new Numbers.Bad("Netmask bits in a CIDR IPv4 address should be <= 32, not " + bits);
            }
        }
        return (bits << 32) | a;
    }

    private static Ipv6Net ipv6(String s) throws Numbers.Bad {
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        byte[] a = Addresses.ipv6(addr);
        if (a == null) {
            throw new Numbers.Bad("\"" + addr + "\" is not a valid hostname or IPv6 address.");
        }
        int bits = 128;
        if (slash >= 0) {
            bits = Integer.parseInt(s.substring(slash + 1));
            if (bits > 128) {
                throw new Numbers.Bad("Prefix in a IPv6 address should be <= 128, not " + bits);
            }
        }
        return new Ipv6Net(a, bits);
    }

    private static byte[] ether(String s, boolean partial) throws Numbers.Bad {
        byte[] b = Addresses.hexBytes(s.startsWith(":") ? s.substring(1) : s);
        if (b == null) {
            throw new Numbers.Bad("\"" + s + "\" is not a valid Ethernet address.");
        }
        if (b.length < 6 && !partial) {
            throw new Numbers.Bad("\"" + s + "\" contains too few bytes to be a valid Ethernet address.");
        }
        if (b.length > 6) {
            throw new Numbers.Bad("\"" + s + "\" contains too many bytes to be a valid Ethernet address.");
        }
        return b;
    }

    /** tshark's byte literal: optional leading colon, a one-byte {@code 0xNN}, or hex pairs. */
    static byte[] bytes(String s) throws Numbers.Bad {
        String d = s.startsWith(":") ? s.substring(1) : s;
        if (d.length() == 4 && d.charAt(0) == '0' && (d.charAt(1) == 'x' || d.charAt(1) == 'X')) {
            d = d.substring(2);
        }
        byte[] b = Addresses.hexBytes(d);
        if (b == null) {
            throw new Numbers.Bad("\"" + d + "\" is not a valid byte string.");
        }
        return b;
    }

    /** Value-string or true/false label lookup, or null (leaving {@code first}'s message in force). */
    private static Object fromLabel(FieldType t, String s, FieldDef f, Numbers.Bad first) throws Numbers.Bad {
        if (f == null || !(t.isInteger() || t == FieldType.BOOLEAN) || t == FieldType.FRAMENUM) {
            return null;
        }
        if (t == FieldType.BOOLEAN) {
            TrueFalse tf = f.trueFalse() != null ? f.trueFalse() : TrueFalse.TRUE_FALSE;
            if (tf.whenTrue().equalsIgnoreCase(s)) {
                return 1L;
            }
            if (tf.whenFalse().equalsIgnoreCase(s)) {
                return 0L;
            }
            throw new Numbers.Bad("\"" + s + "\" cannot be found among the possible values for " + f.abbrev() + ".");
        }
        ValueString vs = f.values();
        if (vs == null) {
            return null;
        }
        if (f.base() == Base.CUSTOM) {
            throw new Numbers.Bad("\"" + f.abbrev() + "\" cannot accept [custom] strings as values.");
        }
        List<Long> hits = new ArrayList<>();
        for (Map.Entry<Long, String> e : vs.entries().entrySet()) {
            if (e.getValue().toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))) {
                hits.add(e.getKey());
            }
        }
        if (!hits.isEmpty()) {
            hits.sort(Long::compareUnsigned);
            return hits.get(0);
        }
        if (vs.hasRanges()) {
            throw new Numbers.Bad("\"" + f.abbrev() + "\" cannot accept [range] strings as values.");
        }
        throw new Numbers.Bad("\"" + s + "\" cannot be found among the possible values for " + f.abbrev() + ".");
    }
}
