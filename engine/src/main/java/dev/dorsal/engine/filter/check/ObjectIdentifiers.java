package dev.dorsal.engine.filter.check;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * An object identifier literal ({@code 2.5.29.17}) in its BER content encoding, the bytes an OID field
 * holds: the first two arcs make one sub-identifier (40 × first + second), each sub-identifier is
 * written base 128, most significant group first, with the top bit set on all but the last byte
 * (X.690 §8.19). As in tshark, a literal needs two arcs or more, a first arc of 0, 1 or 2, and a
 * second arc below 40 under 0 and 1; arcs may be of any size.
 */
final class ObjectIdentifiers {
    private static final BigInteger FORTY = BigInteger.valueOf(40);

    private ObjectIdentifiers() {}

    static byte[] encode(String literal) throws Numbers.Bad {
        String[] arcs = literal.split("\\.", -1);
        if (arcs.length < 2) {
            throw invalid(literal);
        }
        BigInteger[] values = new BigInteger[arcs.length];
        for (int i = 0; i < arcs.length; i++) {
            if (arcs[i].isEmpty() || !arcs[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw invalid(literal);
            }
            values[i] = new BigInteger(arcs[i]);
        }
        int first = values[0].compareTo(BigInteger.TWO) > 0 ? -1 : values[0].intValue();
        if (first < 0 || (first < 2 && values[1].compareTo(FORTY) >= 0)) {
            throw invalid(literal);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBase128(out, values[0].multiply(FORTY).add(values[1]));
        for (int i = 2; i < values.length; i++) {
            writeBase128(out, values[i]);
        }
        return out.toByteArray();
    }

    private static void writeBase128(ByteArrayOutputStream out, BigInteger v) {
        int groups = Math.max(1, (v.bitLength() + 6) / 7);
        for (int g = groups - 1; g >= 0; g--) {
            int seven = v.shiftRight(7 * g).intValue() & 0x7f;
            out.write(g > 0 ? seven | 0x80 : seven);
        }
    }

    private static Numbers.Bad invalid(String literal) {
        return new Numbers.Bad("\"" + literal + "\" is not a valid OBJECT IDENTIFIER.");
    }
}
