package dev.dorsal.engine.output;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.DataSource;
import java.util.List;

/**
 * Writes the {@code -x} hex dump: for every data source of the packet (the frame, then reassembled
 * or decrypted buffers), lines of a 4-digit hex offset, 16 bytes in hex and their ASCII, then a
 * blank line. With several sources each block is titled {@code Name (N bytes):}.
 *
 * <pre>
 * 0000  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00   ..............E.
 * </pre>
 */
public final class HexDumpFormatter implements PacketFormatter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public void packet(DissectedPacket p, StringBuilder out) {
        List<DataSource> sources = p.dataSources();
        boolean titled = sources.size() > 1;
        for (DataSource src : sources) {
            if (titled) {
                out.append(src.name()).append(" (").append(src.length()).append(src.length() == 1 ? " byte):\n" : " bytes):\n");
            }
            dump(src.bytes(), out);
        }
        out.append('\n');
    }

    /** Appends the hex lines of {@code data}. */
    public static void dump(byte[] data, StringBuilder out) {
        int digits = offsetDigits(data.length);
        for (int off = 0; off < data.length; off += 16) {
            for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
                out.append(HEX[(off >>> shift) & 15]);
            }
            out.append("  ");
            int n = Math.min(16, data.length - off);
            for (int i = 0; i < 16; i++) {
                if (i < n) {
                    int b = data[off + i] & 0xff;
                    out.append(HEX[b >>> 4]).append(HEX[b & 15]).append(' ');
                } else {
                    out.append("   ");
                }
            }
            out.append("  ");
            for (int i = 0; i < n; i++) {
                int b = data[off + i] & 0xff;
                out.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            out.append('\n');
        }
    }

    /** Offsets use four hex digits, more when the data is longer than 64 KiB. */
    private static int offsetDigits(int length) {
        int max = Math.max(0, length - 1);
        int digits = 4;
        while (digits < 8 && (max >>> (digits * 4)) != 0) {
            digits++;
        }
        return digits;
    }
}
