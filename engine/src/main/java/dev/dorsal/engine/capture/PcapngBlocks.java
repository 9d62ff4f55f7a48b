package dev.dorsal.engine.capture;

import java.nio.charset.StandardCharsets;

/**
 * Block type codes and the decoding of the non-packet blocks whose contents we keep: the Interface
 * Description Block (with its options) and the Decryption Secrets Block.
 *
 * <pre>
 * every block: type(4) total_length(4) body ... total_length(4)
 * IDB body:    linktype(2) reserved(2) snaplen(4) options
 * DSB body:    secrets_type(4) secrets_length(4) secrets(padded to 4) options
 * option:      code(2) length(2) value(padded to 4); code 0 ends the list
 * </pre>
 */
final class PcapngBlocks {

    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 1;
    static final int PB = 2;
    static final int SPB = 3;
    static final int NRB = 4;
    static final int ISB = 5;
    static final int EPB = 6;
    static final int DSB = 0x0000000A;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;

    private static final int IF_NAME = 2;
    private static final int IF_DESCRIPTION = 3;
    private static final int IF_TSRESOL = 9;
    private static final int IF_FILTER = 11;
    private static final int IF_OS = 12;
    private static final int IF_TSOFFSET = 14;
    /** The first byte of an {@code if_filter} value that holds a libpcap filter string. */
    private static final int FILTER_LIBPCAP = 0;

    private PcapngBlocks() {}

    /** Decodes the IDB granted by {@code s} (length {@code len}) into an interface of {@code section}. */
    static CaptureInterface interfaceBlock(PcapngReader r, ByteSource s, int len, boolean be, int section)
            throws CaptureFileException {
        long offset = s.position();
        if (len < 20) {
            throw r.corrupt("pcapng: total block length %d of an IDB is less than the minimum IDB size 20".formatted(len),
                    offset);
        }
        int linkType = s.u16(8, be);
        int snapLen = s.u32(12, be);
        String name = null;
        String description = null;
        String filter = null;
        String os = null;
        int tsresol = -1;
        long tsoffset = 0;
        int p = 16;
        int optionsEnd = len - 4;
        while (p + 4 <= optionsEnd) {
            int code = s.u16(p, be);
            int olen = s.u16(p + 2, be);
            if (code == 0) {
                break;
            }
            if (p + 4 + olen > optionsEnd) {
                throw r.corrupt("pcapng: IDB option %d of length %d goes past the end of the block".formatted(code, olen),
                        offset);
            }
            switch (code) {
                case IF_NAME -> name = string(s, p + 4, olen);
                case IF_DESCRIPTION -> description = string(s, p + 4, olen);
                case IF_TSRESOL -> tsresol = olen >= 1 ? s.u8(p + 4) : tsresol;
                case IF_TSOFFSET -> tsoffset = olen >= 8 ? s.u64(p + 4, be) : tsoffset;
                case IF_FILTER -> filter = olen >= 1 && s.u8(p + 4) == FILTER_LIBPCAP ? string(s, p + 5, olen - 1) : filter;
                case IF_OS -> os = string(s, p + 4, olen);
                default -> { }
            }
            p += 4 + ((olen + 3) & ~3);
        }
        TimeResolution time = TimeResolution.of(tsresol < 0 ? InterfaceInfo.DEFAULT_TS_RESOLUTION : tsresol);
        if (time == null) {
            throw r.unsupported("pcapng: IDB if_tsresol 0x%02x is finer than a 64-bit timestamp can hold".formatted(tsresol),
                    offset);
        }
        InterfaceInfo info = new InterfaceInfo(linkType, snapLen, name, time.digits(), description, tsoffset, section,
                tsresol, filter, os);
        return r.addInterface(be, time, info);
    }

    /** Decodes a DSB's secrets, without the padding and options after them. */
    static DecryptionSecrets secretsBlock(PcapngReader r, ByteSource s, int len, boolean be) throws CaptureFileException {
        long offset = s.position();
        if (len < 20) {
            throw r.corrupt("pcapng: total block length %d of a DSB is less than the minimum DSB size 20".formatted(len),
                    offset);
        }
        int type = s.u32(8, be);
        int secretsLen = s.u32(12, be);
        if (Integer.compareUnsigned(secretsLen, len - 20) > 0) {
            throw r.corrupt("pcapng: DSB secrets length %d is larger than its block (%d bytes)"
                    .formatted(secretsLen & 0xFFFF_FFFFL, len), offset);
        }
        byte[] data = new byte[secretsLen];
        s.copy(16, data, 0, secretsLen);
        return new DecryptionSecrets(type, data);
    }

    /** Reads a UTF-8 option value, dropping the NUL terminators some writers add. */
    private static String string(ByteSource s, int rel, int len) {
        byte[] b = new byte[len];
        s.copy(rel, b, 0, len);
        int n = len;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
