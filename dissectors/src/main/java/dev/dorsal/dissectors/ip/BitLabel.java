package dev.dorsal.dissectors.ip;

/**
 * Writes the bit picture tshark puts in front of a masked value, such as {@code ...0 0000 1011 1001}
 * for a 13-bit fragment offset in a 16-bit word: bits under the mask as 0/1, the others as dots,
 * in groups of four. Used where a label must be set by hand because the shown value is not the
 * masked bits themselves (a fragment offset shown in bytes, a header length shown in bytes).
 */
public final class BitLabel {
    private BitLabel() {}

    /** The picture of {@code raw} (the whole word, unshifted) under {@code mask} for a {@code bits}-wide word. */
    public static String of(long raw, long mask, int bits) {
        StringBuilder sb = new StringBuilder(bits + bits / 4);
        for (int i = bits - 1; i >= 0; i--) {
            long bit = 1L << i;
            sb.append((mask & bit) == 0 ? '.' : (raw & bit) != 0 ? '1' : '0');
            if (i > 0 && i % 4 == 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }
}
