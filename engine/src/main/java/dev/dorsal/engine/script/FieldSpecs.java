package dev.dorsal.engine.script;

import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.ValueString;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Value;

/**
 * Turns a script's ProtoField declaration into a {@link FieldDef}, checking it the way wslua does
 * (messages name the constructor and the argument), and maps the script's {@code base.*} codes.
 */
final class FieldSpecs {
    /** Codes of the script's {@code base} table; the low byte selects the display base. */
    static final int NONE = 0, DEC = 1, HEX = 2, OCT = 3, DEC_HEX = 4, HEX_DEC = 5, CUSTOM = 6, PT_TCP = 7, PT_UDP = 8;
    static final int UNIT_STRING = 0x1000;

    private static final Pattern ABBREV = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private FieldSpecs() {}

    static Base base(int code) {
        return switch (code & 0xff) {
            case DEC -> Base.DEC;
            case HEX -> Base.HEX;
            case OCT -> Base.OCT;
            case DEC_HEX -> Base.DEC_HEX;
            case HEX_DEC -> Base.HEX_DEC;
            case CUSTOM -> Base.CUSTOM;
            case PT_TCP -> Base.PT_TCP;
            case PT_UDP -> Base.PT_UDP;
            default -> Base.NONE;
        };
    }

    static void checkAbbrev(String ctor, String abbrev) {
        if (abbrev == null || abbrev.isEmpty()) {
            throw new IllegalArgumentException(ctor + ": bad argument #1 (abbr): must not be empty");
        }
        if (!ABBREV.matcher(abbrev).matches() || abbrev.endsWith(".") || abbrev.contains("..")) {
            throw new IllegalArgumentException(ctor + ": bad argument #1 (abbr): invalid character in '" + abbrev
                    + "' (letters, digits, '.', '_' and '-' only)");
        }
    }

    /** Builds the field; {@code vals} is null, an object {value: name}, pairs [[v, name]] or ranges [[lo, hi, name]]. */
    static FieldDef build(String ctor, String abbrev, String name, FieldType type, int baseCode, long mask, int bitWidth,
            Value vals, String tfsTrue, String tfsFalse, String desc) {
        checkAbbrev(ctor, abbrev);
        if (name == null || name.isEmpty()) {
            name = abbrev;
        }
        Base base = base(baseCode);
        if (type.isSigned() && (base == Base.HEX || base == Base.OCT || base == Base.HEX_DEC)) {
            throw new IllegalArgumentException(ctor + ": bad argument #3 (base): signed fields take base.DEC");
        }
        FieldDef f;
        if (type == FieldType.BOOLEAN) {
            if (mask != 0 && (bitWidth <= 0 || bitWidth > 64)) {
                throw new IllegalArgumentException(ctor + ": bad argument #3 (display): a bitmask needs the parent's bit width (1..64)");
            }
            if (mask == 0 && bitWidth > 0) {
                throw new IllegalArgumentException(ctor + ": bad argument #3 (display): Base must be base.NONE if bitmask is zero.");
            }
            f = mask != 0 ? FieldDef.bool(abbrev, name, bitWidth, mask) : FieldDef.bool(abbrev, name);
            f = f.tfs(tfsTrue != null ? new TrueFalse(tfsTrue, tfsFalse == null ? "" : tfsFalse) : TrueFalse.TRUE_FALSE);
        } else {
            f = FieldDef.of(abbrev, name, type, base);
            if (mask != 0) {
                if (!type.isInteger()) {
                    throw new IllegalArgumentException(ctor + ": bad argument (mask): only integer fields take a bitmask");
                }
                f = f.mask(mask).bitWidth(type.wireSize() * 8);
            }
            if (vals != null && !vals.isNull()) {
                if ((baseCode & UNIT_STRING) != 0 && vals.hasArrayElements()) {
                    f = f.unit(vals.getArrayElement(0).asString());
                } else {
                    f = f.vals(valueString(ctor, vals));
                }
            }
        }
        if (desc != null && !desc.isEmpty()) {
            f = f.blurb(desc);
        }
        return f;
    }

    static ValueString valueString(String ctor, Value vals) {
        ValueString.Builder b = ValueString.builder();
        if (vals.hasArrayElements()) {
            for (long i = 0; i < vals.getArraySize(); i++) {
                Value e = vals.getArrayElement(i);
                if (!e.hasArrayElements() || e.getArraySize() < 2) {
                    throw new IllegalArgumentException(ctor + ": value strings are {value: name} or [[value, name], [low, high, name]]");
                }
                if (e.getArraySize() >= 3) {
                    b.range(number(e.getArrayElement(0)), number(e.getArrayElement(1)), e.getArrayElement(2).asString());
                } else {
                    b.add(number(e.getArrayElement(0)), e.getArrayElement(1).asString());
                }
            }
        } else {
            for (String k : vals.getMemberKeys()) {
                long key;
                try {
                    key = k.startsWith("0x") || k.startsWith("0X") ? Long.parseLong(k.substring(2), 16) : Long.parseLong(k);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(ctor + ": value string key '" + k + "' is not a number", e);
                }
                b.add(key, vals.getMember(k).asString());
            }
        }
        return b.build();
    }

    private static long number(Value v) {
        return v.fitsInLong() ? v.asLong() : (long) v.asDouble();
    }

    /** A key identifying a declaration, so reloading an unchanged script reuses its FieldDef. */
    static String key(String proto, FieldDef f) {
        return proto + '\u0000' + f.abbrev() + '\u0000' + f.name() + '\u0000' + f.type() + '\u0000' + f.base() + '\u0000'
                + f.mask() + '\u0000' + f.bitWidth() + '\u0000'
                + (f.values() == null ? "" : new java.util.TreeMap<>(f.values().entries()) + "/" + f.values().hasRanges())
                + '\u0000' + f.trueFalse() + '\u0000' + f.unit() + '\u0000' + f.blurb();
    }
}
