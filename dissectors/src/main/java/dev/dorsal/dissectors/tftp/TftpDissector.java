package dev.dorsal.dissectors.tftp;

import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.dissectors.conversation.AnnouncedConversations;
import dev.dorsal.dissectors.udp.UdpDissector;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads the Trivial File Transfer Protocol (RFC 1350, options RFC 2347-2349 and 7440) as tshark 4.0.17
 * shows it: requests to UDP port 69 with file name, transfer mode and options; a request announces its
 * transfer (the client's port and any port of the server, {@link UdpDissector#ANNOUNCED}), whose
 * DATA, ACK, ERROR and OACK packets then show the file and the request's frame, and a DATA block
 * shorter than the block size (512, or the OACK's blksize) is the last. Data blocks go to {@code data}.
 * Read and write requests on other ports are found by the {@code udp} heuristic. Filter prefix {@code tftp.}.
 *
 * <pre>
 * RRQ/WRQ | 01/02 | filename | 0 | mode | 0 | [option | 0 | value | 0]... |
 * DATA    | 03 | block | data (0-blksize bytes) |        ACK  | 04 | block |
 * ERROR   | 05 | code | message | 0 |                     OACK | 06 | [option | 0 | value | 0]... |
 * </pre>
 */
public final class TftpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Trivial File Transfer Protocol", "TFTP", "tftp");
    static final int PORT = 69;

    static final int RRQ = 1;
    static final int WRQ = 2;
    static final int DATA_PACKET = 3;
    static final int ACK = 4;
    static final int ERROR = 5;
    static final int OACK = 6;
    static final int MSDP = 255;
    static final int DEFAULT_BLOCK_SIZE = 512;
    /** RFC 2348's block sizes and RFC 7440's window sizes. */
    static final int MIN_BLOCK_SIZE = 8;
    static final int MAX_BLOCK_SIZE = 65464;
    static final int MAX_WINDOW_SIZE = 65535;

    static final ValueString OPCODES = ValueString.of(1, "Read Request", 2, "Write Request", 3, "Data Packet",
            4, "Acknowledgement", 5, "Error Code", 6, "Option Acknowledgement", 255, "Information (MSDP)");
    static final ValueString ERRORS = ValueString.of(0, "Not defined", 1, "File not found", 2, "Access violation",
            3, "Disk full or allocation exceeded", 4, "Illegal TFTP Operation", 5, "Unknown transfer ID",
            6, "File already exists", 7, "No such user", 8, "Option negotiation failed");

    static final FieldDef OPCODE = FieldDef.uint16("tftp.opcode", "Opcode").vals(OPCODES);
    static final FieldDef SOURCE_FILE = FieldDef.stringz("tftp.source_file", "Source File");
    static final FieldDef DESTINATION_FILE = FieldDef.stringz("tftp.destination_file", "Destination File");
    static final FieldDef REQUEST_FRAME = FieldDef.framenum("tftp.request_frame", "Request frame");
    static final FieldDef TYPE = FieldDef.stringz("tftp.type", "Type");
    static final FieldDef BLOCK = FieldDef.uint16("tftp.block", "Block");
    static final FieldDef BLOCK_FULL = FieldDef.uint32("tftp.block.full", "Full Block Number");
    static final FieldDef ERROR_CODE = FieldDef.uint16("tftp.error.code", "Error code").vals(ERRORS);
    static final FieldDef ERROR_MESSAGE = FieldDef.stringz("tftp.error.message", "Error message");
    static final FieldDef OPTION_NAME = FieldDef.stringz("tftp.option.name", "Option name");
    static final FieldDef OPTION_VALUE = FieldDef.stringz("tftp.option.value", "Option value");
    static final FieldDef DATA = FieldDef.bytes("tftp.data", "Data");
    static final List<FieldDef> FIELDS = List.of(OPCODE, SOURCE_FILE, DESTINATION_FILE, REQUEST_FRAME, TYPE, BLOCK,
            BLOCK_FULL, ERROR_CODE, ERROR_MESSAGE, OPTION_NAME, OPTION_VALUE, DATA);

    static final ExpertDef ERROR_PACKET = new ExpertDef("tftp.error", "TFTP ERROR packet",
            ExpertDef.Group.RESPONSE_CODE, ExpertDef.Severity.WARN);
    static final ExpertDef BLOCKSIZE_RANGE = new ExpertDef("tftp.blocksize_range", "TFTP blocksize out of range",
            ExpertDef.Group.RESPONSE_CODE, ExpertDef.Severity.WARN);
    static final ExpertDef WINDOWSIZE_RANGE = new ExpertDef("tftp.windowsize_range", "TFTP windowsize out of range",
            ExpertDef.Group.RESPONSE_CODE, ExpertDef.Severity.WARN);
    static final ExpertDef BLOCK_WRAP = new ExpertDef("tftp.block.wrap", "TFTP block number is about to wrap",
            ExpertDef.Group.SEQUENCE, ExpertDef.Severity.NOTE);
    static final ExpertDef TSIZE_PROBE = new ExpertDef("tftp.likely_tsize_probe", "Likely transfer size (tsize) probe",
            ExpertDef.Group.REQUEST_CODE, ExpertDef.Severity.CHAT);
    static final int OPTION_NEGOTIATION_FAILED = 8;
    static final int MAX_BLOCK = 0xffff;

    /** One transfer: the request that announced it, its file and the block size in force. */
    static final class Transfer {
        final long requestFrame;
        final boolean read;
        final String file;
        int blockSize = DEFAULT_BLOCK_SIZE;
        boolean tsizeRequested;
        /** Block numbers seen wrap past 65535 this many times (tshark's full block number). */
        int wraps;
        int lastBlock;

        Transfer(long requestFrame, boolean read, String file) {
            this.requestFrame = requestFrame;
            this.read = read;
            this.file = file;
        }

        /** The block number counted past 65535: a number far below the last one seen starts a new round. */
        long fullBlock(int block) {
            if (block < lastBlock && lastBlock - block > MAX_BLOCK / 2) {
                wraps++;
            }
            lastBlock = block;
            return block + (long) wraps * (MAX_BLOCK + 1);
        }
    }

    private DissectorHandle self;

    @Override
    public String name() {
        return "tftp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(ERROR_PACKET, BLOCKSIZE_RANGE, WINDOWSIZE_RANGE, BLOCK_WRAP, TSIZE_PROBE));
        self = r.handle("tftp", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(PORT, t.handle("tftp"));
        t.heuristics("udp").add("tftp", PROTO, this::heuristic, true);
    }

    /**
     * The {@code udp} heuristic (enabled in tshark 4.0.17): a read or write request on any port whose
     * file name, mode and options tshark would follow. Stricter than tshark's in places (docs/compat.md):
     * the first opcode byte must be 0 and every option complete, printable and not empty.
     */
    private boolean heuristic(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (!looksLikeRequest(tvb)) {
            return false;
        }
        dissect(tvb, pinfo, tree);
        return true;
    }

    static boolean looksLikeRequest(Tvb tvb) {
        int length = tvb.length();
        if (length != tvb.reportedLength() || length < 4 || tvb.u8(0) != 0 || (tvb.u8(1) != RRQ && tvb.u8(1) != WRQ)) {
            return false;
        }
        int fileEnd = tvb.indexOf(2, (byte) 0);
        if (fileEnd < 0 || !printable(tvb, 2, fileEnd)) {
            return false;
        }
        int modeEnd = tvb.indexOf(fileEnd + 1, (byte) 0);
        if (modeEnd < 0 || !printable(tvb, fileEnd + 1, modeEnd)
                || !MODES.contains(tvb.ascii(fileEnd + 1, modeEnd - fileEnd - 1).toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        int off = modeEnd + 1;
        int strings = 0;
        while (off < length) {
            int end = tvb.indexOf(off, (byte) 0);
            if (end <= off || !printable(tvb, off, end)) {
                return false;
            }
            off = end + 1;
            strings++;
        }
        return strings % 2 == 0; // names with their values
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("TFTP");
        ProtoItem tftp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        int opcode = tvb.u16(0);
        tftp.add(OPCODE, tvb, 0, 2);
        String name = OPCODES.name(opcode);
        if (cols.enabled()) {
            cols.setInfo(name != null ? name : String.format("Unknown (0x%04x)", opcode));
        }
        if (opcode == RRQ || opcode == WRQ) {
            request(tvb, pinfo, tftp, opcode == RRQ);
            return tvb.length();
        }
        AnnouncedConversations.Announced announced = UdpDissector.ANNOUNCED.current(pinfo);
        Transfer transfer = announced != null && announced.data() instanceof Transfer t ? t : null;
        if (transfer != null) {
            tftp.addString(DESTINATION_FILE, tvb, 0, 0, transfer.file).setGenerated();
            ProtoItem frame = tftp.addUint(REQUEST_FRAME, tvb, 0, 0, transfer.requestFrame);
            if (frame != tftp) {
                frame.setGenerated();
                if (frame.tree().detailed()) {
                    frame.setText((transfer.read ? "Read" : "Write") + " Request in frame " + transfer.requestFrame);
                }
            }
        }
        int blockSize = transfer != null ? transfer.blockSize : DEFAULT_BLOCK_SIZE;
        switch (opcode) {
            case DATA_PACKET, ACK -> {
                int block = tvb.u16(2);
                ProtoItem blockItem = tftp.add(BLOCK, tvb, 2, 2);
                long full = transfer != null ? transfer.fullBlock(block) : block;
                int length = tvb.reportedLength() - 4;
                if (opcode == DATA_PACKET && block == MAX_BLOCK && length >= blockSize && blockItem != tftp) {
                    blockItem.expert(BLOCK_WRAP);
                }
                tftp.addUint(BLOCK_FULL, tvb, 0, 0, full).setGenerated();
                if (cols.enabled()) {
                    cols.appendInfo(", Block: " + full);
                }
                if (opcode == DATA_PACKET) {
                    tftp.setLength(4);
                    if (length < blockSize && cols.enabled()) {
                        cols.appendInfo(" (last)");
                    }
                    DissectorHandle data = pinfo.tables().handle("data");
                    if (length > 0 && data != null) {
                        pinfo.call(data, tvb.slice(4), tree);
                    }
                }
            }
            case ERROR -> {
                int code = tvb.u16(2);
                tftp.add(ERROR_CODE, tvb, 2, 2);
                if (cols.enabled()) {
                    cols.appendInfo(", Code: " + ERRORS.nameOr(code, "Unknown (" + code + ")"));
                }
                int end = stringEnd(tvb, 4);
                String message = ascii(tvb, 4, end);
                label(tftp.addString(ERROR_MESSAGE, tvb, 4, end + 1 - 4, message), ERROR_MESSAGE, message);
                if (cols.enabled()) {
                    cols.appendInfo(", Message: " + info(tvb, 4, end));
                }
                boolean probe = code == OPTION_NEGOTIATION_FAILED && transfer != null && transfer.tsizeRequested;
                tftp.expert(probe ? TSIZE_PROBE : ERROR_PACKET);
            }
            case OACK -> options(tvb, pinfo, tftp, 2, transfer);
            case MSDP -> throw new MalformedException("TFTP MSDP information is not decoded"); // docs/compat.md
            default -> {
                if (tvb.reportedLength() > 2) {
                    tftp.add(DATA, tvb, 2, tvb.reportedLength() - 2);
                }
            }
        }
        return tvb.length();
    }

    /** A read or write request: file name, mode and options; announces the transfer. */
    private void request(Tvb tvb, PacketInfo pinfo, ProtoItem tftp, boolean read) {
        Columns cols = pinfo.columns();
        int end = stringEnd(tvb, 2);
        String file = ascii(tvb, 2, end);
        FieldDef fileField = read ? SOURCE_FILE : DESTINATION_FILE;
        label(tftp.addString(fileField, tvb, 2, end + 1 - 2, file), fileField, file);
        if (cols.enabled()) {
            cols.appendInfo(", File: " + info(tvb, 2, end));
        }
        Transfer transfer = new Transfer(pinfo.number(), read, file);
        int mode = end + 1;
        int modeEnd = stringEnd(tvb, mode);
        String type = ascii(tvb, mode, modeEnd);
        if (printable(tvb, 2, end) && MODES.contains(type.toLowerCase(java.util.Locale.ROOT))) {
            // tshark follows the transfer only for a printable file name and a mode RFC 1350 names.
            UdpDissector.ANNOUNCED.announce(pinfo, pinfo.netSrc(), pinfo.srcPort(), pinfo.netDst(),
                    AnnouncedConversations.ANY_PORT, self, transfer);
        }
        label(tftp.addString(TYPE, tvb, mode, modeEnd + 1 - mode, type), TYPE, type);
        if (cols.enabled()) {
            cols.appendInfo(", Transfer type: " + info(tvb, mode, modeEnd));
        }
        options(tvb, pinfo, tftp, modeEnd + 1, transfer);
    }

    private static final java.util.Set<String> MODES = java.util.Set.of("netascii", "octet", "mail");

    private static boolean printable(Tvb tvb, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = tvb.u8(i);
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Options as name and value strings up to the end; an OACK's ({@code transfer} given) blksize sets the block size. */
    private static void options(Tvb tvb, PacketInfo pinfo, ProtoItem tftp, int off, Transfer transfer) {
        boolean oack = tvb.u16(0) == OACK;
        Columns cols = pinfo.columns();
        int end = tvb.reportedLength();
        while (off < end) {
            int nameEnd = stringEnd(tvb, off);
            int valueEnd = stringEnd(tvb, nameEnd + 1);
            String name = ascii(tvb, off, nameEnd);
            String value = ascii(tvb, nameEnd + 1, valueEnd);
            ProtoItem option = tftp.addText(tvb, off, valueEnd + 1 - off, "Option: " + name + " = " + value);
            ProtoItem parent = option == tftp ? tftp : option;
            label(parent.addString(OPTION_NAME, tvb, off, nameEnd + 1 - off, name), OPTION_NAME, name);
            label(parent.addString(OPTION_VALUE, tvb, nameEnd + 1, valueEnd - nameEnd, value), OPTION_VALUE, value);
            if (cols.enabled()) {
                cols.appendInfo(", " + info(tvb, off, nameEnd) + "=" + info(tvb, nameEnd + 1, valueEnd));
            }
            int number = number(value);
            if (name.equals("windowsize") && (number < 1 || number > MAX_WINDOW_SIZE) && option != tftp) {
                option.expert(WINDOWSIZE_RANGE);
            }
            if (!oack && name.equals("tsize") && transfer != null) {
                transfer.tsizeRequested = true;
            }
            if (oack && name.equals("blksize")) {
                boolean inRange = number >= MIN_BLOCK_SIZE && number <= MAX_BLOCK_SIZE;
                if (!inRange && option != tftp) {
                    option.expert(BLOCKSIZE_RANGE);
                }
                if (inRange && transfer != null) {
                    transfer.blockSize = number; // a size out of range leaves the one in force
                }
            }
            off = valueEnd + 1;
        }
    }

    /** An option's number; 0 when it is not one (tshark then finds a window size out of range). */
    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Offset of the NUL ending the string at {@code off}; malformed when the packet has none. */
    private static int stringEnd(Tvb tvb, int off) {
        int end = tvb.reportedLength();
        for (int i = off; i < end; i++) {
            if (tvb.u8(i) == 0) {
                return i;
            }
        }
        tvb.u8(end); // no terminating NUL: tshark's string read runs past the packet
        return end;
    }

    /** A string as tshark's ASCII strings read: each byte above 0x7f becomes U+FFFD. */
    private static String ascii(Tvb tvb, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int b = tvb.u8(i);
            sb.append(b < 0x80 ? (char) b : '\uFFFD');
        }
        return sb.toString();
    }

    /** The bytes as Info shows them (tshark's format_text of the raw bytes). */
    private static String info(Tvb tvb, int from, int to) {
        byte[] b = tvb.bytes(from, to - from);
        return FormatText.format(b, 0, b.length);
    }

    private static void label(ProtoItem item, FieldDef field, String value) {
        if (item.field() == field && item.tree().detailed()) {
            byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            item.setText(field.name() + ": " + FormatText.format(utf8, 0, utf8.length));
        }
    }
}
