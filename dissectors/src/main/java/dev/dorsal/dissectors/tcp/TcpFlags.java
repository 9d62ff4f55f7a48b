package dev.dorsal.dissectors.tcp;

/**
 * The 12 TCP flag bits and their two text forms, precomputed for all 4096 values: the names in
 * Info and the Flags label ({@code "SYN, ACK"}, {@code "<None>"}), and {@code tcp.flags.str}
 * ({@code "·······A··S·"}, one letter per set bit of {@code RRRACEUAPRSF}, U+00B7 otherwise).
 */
final class TcpFlags {
    static final int FIN = 0x001;
    static final int SYN = 0x002;
    static final int RST = 0x004;
    static final int PSH = 0x008;
    static final int ACK = 0x010;
    static final int URG = 0x020;
    static final int ECE = 0x040;
    static final int CWR = 0x080;
    static final int AE = 0x100;
    static final int RESERVED = 0xe00;
    static final int MASK = 0xfff;

    private static final String[] BIT_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};
    private static final String LETTERS = "RRRACEUAPRSF";
    private static final String[] NAMES = new String[4096];
    private static final String[] STRINGS = new String[4096];

    static {
        StringBuilder sb = new StringBuilder(64);
        for (int v = 0; v < 4096; v++) {
            sb.setLength(0);
            for (int i = 0; i < BIT_NAMES.length; i++) {
                if ((v & (1 << i)) != 0) {
                    if (!sb.isEmpty()) {
                        sb.append(", ");
                    }
                    sb.append(BIT_NAMES[i]);
                }
            }
            if ((v & RESERVED) != 0) {
                if (!sb.isEmpty()) {
                    sb.append(", ");
                }
                sb.append("Reserved");
            }
            NAMES[v] = sb.isEmpty() ? "<None>" : sb.toString();
            sb.setLength(0);
            for (int i = 0; i < 12; i++) {
                sb.append(((v >> (11 - i)) & 1) != 0 ? LETTERS.charAt(i) : '\u00b7');
            }
            STRINGS[v] = sb.toString();
        }
    }

    private TcpFlags() {}

    /** Names of the set flags, e.g. "PSH, ACK", or "&lt;None&gt;". */
    static String names(int flags) {
        return NAMES[flags & MASK];
    }

    /** The 12-character {@code tcp.flags.str} form. */
    static String letters(int flags) {
        return STRINGS[flags & MASK];
    }
}
