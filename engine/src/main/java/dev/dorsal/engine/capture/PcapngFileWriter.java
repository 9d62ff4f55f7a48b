package dev.dorsal.engine.capture;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes pcapng: one little-endian section holding every interface, with packets as Enhanced Packet
 * Blocks.
 * <pre>
 * SHB: 0x0A0D0D0A len 0x1A2B3C4D major=1 minor=0 section_length=-1 [shb_hardware shb_os shb_userappl] len
 * IDB: 1   len linktype(2) 0(2) snaplen(4) [if_name if_description if_tsresol if_filter if_os if_tsoffset] len
 * EPB: 6   len interface_id ts_high ts_low cap_len orig_len data(padded) len
 * DSB: 10  len secrets_type secrets_len secrets(padded) len
 * ISB: 5   len interface_id ts_high ts_low [opt_comment isb_starttime isb_endtime isb_ifrecv isb_ifdrop] len
 * </pre>
 * Timestamps are counted in the unit of each interface's {@code if_tsresol} less its {@code if_tsoffset},
 * so a file read and written back keeps its timestamps; {@code if_tsresol} is written when the interface
 * states one, as Wireshark copies it.
 */
final class PcapngFileWriter extends AbstractFileWriter {

    private static final int OPT_END = 0;
    private static final int OPT_COMMENT = 1;
    private static final int SHB_HARDWARE = 2;
    private static final int SHB_OS = 3;
    private static final int SHB_USERAPPL = 4;
    private static final int IF_NAME = 2;
    private static final int IF_DESCRIPTION = 3;
    private static final int IF_TSRESOL = 9;
    private static final int IF_FILTER = 11;
    private static final int IF_OS = 12;
    private static final int IF_TSOFFSET = 14;
    private static final int ISB_STARTTIME = 2;
    private static final int ISB_ENDTIME = 3;
    private static final int ISB_IFRECV = 4;
    private static final int ISB_IFDROP = 5;
    /** Bytes of each block before its options: header, then the block's fixed fields. */
    private static final int SHB_FIXED = 24;
    private static final int IDB_FIXED = 16;
    private static final int ISB_FIXED = 20;
    private static final String STATS_COMMENT = "Counters provided by Dorsal (libpcap)";

    private final List<TimeResolution> units = new ArrayList<>();

    PcapngFileWriter(OutputStream out, String name, List<InterfaceInfo> declared, SectionInfo section)
            throws CaptureWriteException {
        super(out, name);
        block.reset().u32(PcapngBlocks.SHB).u32(0).u32(PcapngBlocks.BYTE_ORDER_MAGIC).u16(1).u16(0).u64(-1L);
        block.option(SHB_HARDWARE, section.hardware()).option(SHB_OS, section.os())
                .option(SHB_USERAPPL, section.application());
        finish(SHB_FIXED);
        for (InterfaceInfo i : declared) {
            addInterface(i);
        }
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAPNG;
    }

    @Override
    public int addInterface(InterfaceInfo iface) throws CaptureWriteException {
        TimeResolution unit = TimeResolution.of(iface.effectiveTsResolution());
        if (unit == null) {
            throw new IllegalArgumentException("if_tsresol 0x%02x cannot be written".formatted(iface.tsResolution()));
        }
        block.reset().u32(PcapngBlocks.IDB).u32(0).u16(iface.linkType()).u16(0).u32(iface.snapLen() & 0xFFFF_FFFFL);
        block.option(IF_NAME, iface.name()).option(IF_DESCRIPTION, iface.description());
        if (iface.tsResolution() >= 0) {
            block.option(IF_TSRESOL, new byte[] {(byte) iface.tsResolution()});
        }
        if (iface.filter() != null) {
            byte[] text = iface.filter().getBytes(StandardCharsets.UTF_8);
            byte[] value = new byte[text.length + 1]; // leading 0: a libpcap filter string
            System.arraycopy(text, 0, value, 1, text.length);
            block.option(IF_FILTER, value);
        }
        block.option(IF_OS, iface.os());
        if (iface.tsOffsetSeconds() != 0) {
            block.u16(IF_TSOFFSET).u16(8).u64(iface.tsOffsetSeconds());
        }
        finish(IDB_FIXED);
        interfaces.add(iface);
        units.add(unit);
        return interfaces.size() - 1;
    }

    @Override
    public void write(RawFrame frame) throws CaptureWriteException {
        InterfaceInfo iface = interfaceOf(frame);
        long ts = units.get(frame.interfaceId()).toUnits(frame.timestampNanos(), iface.tsOffsetSeconds());
        byte[] data = frame.data();
        int padded = (data.length + 3) & ~3;
        int len = 32 + padded;
        block.reset().u32(PcapngBlocks.EPB).u32(len).u32(frame.interfaceId()).u32(ts >>> 32).u32(ts)
                .u32(data.length).u32(frame.originalLength() & 0xFFFF_FFFFL);
        emit();
        emit(data, 0, data.length);
        block.reset();
        for (int i = data.length; i < padded; i++) {
            block.u8(0);
        }
        block.u32(len);
        emit();
        countFrame();
    }

    @Override
    public void writeSecrets(DecryptionSecrets secrets) throws CaptureWriteException {
        block.reset().u32(PcapngBlocks.DSB).u32(0).u32(secrets.secretsType()).u32(secrets.data().length)
                .bytes(secrets.data()).pad4();
        finish(block.length());
    }

    @Override
    public void writeStatistics(int interfaceId, InterfaceStatistics s) throws CaptureWriteException {
        if (interfaceId < 0 || interfaceId >= interfaces.size()) {
            throw new IllegalArgumentException("no interface " + interfaceId + " in " + name);
        }
        TimeResolution unit = units.get(interfaceId);
        long offset = interfaces.get(interfaceId).tsOffsetSeconds();
        long ts = unit.toUnits(s.timestampNanos(), offset);
        block.reset().u32(PcapngBlocks.ISB).u32(0).u32(interfaceId).u32(ts >>> 32).u32(ts);
        block.option(OPT_COMMENT, STATS_COMMENT);
        timeOption(ISB_STARTTIME, s.startNanos(), unit, offset);
        timeOption(ISB_ENDTIME, s.endNanos(), unit, offset);
        block.optionU64(ISB_IFRECV, s.received()).optionU64(ISB_IFDROP, s.dropped());
        finish(ISB_FIXED);
    }

    /** A timestamp option: the high and low 32 bits of the unit count, like the block's own timestamp. */
    private void timeOption(int code, long nanos, TimeResolution unit, long offset) {
        if (nanos >= 0) {
            long t = unit.toUnits(nanos, offset);
            block.u16(code).u16(8).u32(t >>> 32).u32(t);
        }
    }

    /**
     * Ends the options (when the block has any past its {@code fixed} first bytes), adds the trailing
     * length, fills in the leading one and writes the block.
     */
    private void finish(int fixed) throws CaptureWriteException {
        if (block.length() > fixed) {
            block.u16(OPT_END).u16(0);
        }
        int len = block.length() + 4;
        block.u32(len).patchU32(4, len);
        emit();
    }
}
