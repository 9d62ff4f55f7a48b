package dev.dorsal.dissectors.ntp;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Network Time Protocol on UDP port 123 (RFC 5905, and the versions before it): the
 * 48-byte header of modes 0–5 with its timestamps, NTPv4 extension fields and the key ID and MAC
 * that may follow; control (mode 6) and private (mode 7) messages go to {@link NtpControl}.
 * Filter prefix {@code ntp.}.
 *
 * <pre>
 * | LI (2) VN (3) Mode (3) | stratum | poll | precision | root delay (32) | root dispersion (32) |
 * | reference ID (32) | reference, origin, receive, transmit timestamps (64 each) | extensions | key ID | MAC |
 * </pre>
 */
public final class NtpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Network Time Protocol", "NTP", "ntp");
    static final int PORT = 123;
    static final int HEADER_LENGTH = 48;

    static final int MODE_CONTROL = 6;
    static final int MODE_PRIVATE = 7;

    static final ValueString LEAP = ValueString.of(0, "no warning", 1, "last minute of the day has 61 seconds",
            2, "last minute of the day has 59 seconds", 3, "unknown (clock unsynchronized)");
    static final ValueString VERSIONS = ValueString.builder().add(1, "NTP Version 1").add(2, "NTP Version 2")
            .add(3, "NTP Version 3").add(4, "NTP Version 4").range(0, 7, "reserved").build();
    static final ValueString MODES = ValueString.of(0, "reserved", 1, "symmetric active", 2, "symmetric passive",
            3, "client", 4, "server", 5, "broadcast", MODE_CONTROL, "reserved for NTP control message",
            MODE_PRIVATE, "reserved for private use");
    /** The mode as the Info column and the protocol line name it. */
    static final ValueString MODE_INFO = ValueString.of(0, "reserved", 1, "symmetric active", 2, "symmetric passive",
            3, "client", 4, "server", 5, "broadcast", MODE_CONTROL, "control", MODE_PRIVATE, "private");
    static final ValueString STRATA = ValueString.builder().add(0, "unspecified or invalid").add(1, "primary reference")
            .range(2, 15, "secondary reference").add(16, "unsynchronized").range(17, 255, "reserved").build();

    static final FieldDef FLAGS = FieldDef.uint8("ntp.flags", "Flags").hex();
    static final FieldDef LI = FieldDef.uint8("ntp.flags.li", "Leap Indicator").mask(0xc0).vals(LEAP);
    static final FieldDef VN = FieldDef.uint8("ntp.flags.vn", "Version number").mask(0x38).vals(VERSIONS);
    static final FieldDef MODE = FieldDef.uint8("ntp.flags.mode", "Mode").mask(0x07).vals(MODES);
    static final FieldDef STRATUM = FieldDef.uint8("ntp.stratum", "Peer Clock Stratum").vals(STRATA);
    static final FieldDef PPOLL = FieldDef.uint8("ntp.ppoll", "Peer Polling Interval");
    static final FieldDef PRECISION = FieldDef.uint8("ntp.precision", "Peer Clock Precision");
    static final FieldDef ROOT_DELAY = FieldDef.uint32("ntp.rootdelay", "Root Delay");
    static final FieldDef ROOT_DISPERSION = FieldDef.uint32("ntp.rootdispersion", "Root Dispersion");
    static final FieldDef REFID = FieldDef.bytes("ntp.refid", "Reference ID");
    static final FieldDef REFTIME = NtpTime.field("ntp.reftime", "Reference Timestamp");
    static final FieldDef ORG = NtpTime.field("ntp.org", "Origin Timestamp");
    static final FieldDef REC = NtpTime.field("ntp.rec", "Receive Timestamp");
    static final FieldDef XMT = NtpTime.field("ntp.xmt", "Transmit Timestamp");
    static final FieldDef KEYID = FieldDef.bytes("ntp.keyid", "Key ID");
    static final FieldDef MAC = FieldDef.bytes("ntp.mac", "Message Authentication Code");
    static final FieldDef EXT = FieldDef.none("ntp.ext", "Extension");
    static final FieldDef EXT_TYPE = FieldDef.uint16("ntp.ext.type", "Field Type").hex().vals(NtpNames.EXTENSION_TYPES);
    static final FieldDef EXT_LENGTH = FieldDef.uint16("ntp.ext.length", "Length");
    static final FieldDef EXT_VALUE = FieldDef.bytes("ntp.ext.value", "Value");

    static final List<FieldDef> FIELDS = List.of(FLAGS, LI, VN, MODE, STRATUM, PPOLL, PRECISION, ROOT_DELAY,
            ROOT_DISPERSION, REFID, REFTIME, ORG, REC, XMT, KEYID, MAC, EXT, EXT_TYPE, EXT_LENGTH, EXT_VALUE);

    /** Polling intervals outside RFC 5905's 2^4 .. 2^17 seconds are shown as invalid. */
    private static final int MIN_POLL = 4;
    private static final int MAX_POLL = 17;
    /** An extension field is at least a 4-byte header and 12 bytes of value (RFC 7822). */
    private static final int MIN_EXTENSION = 16;

    @Override
    public String name() {
        return "ntp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        List<FieldDef> all = new ArrayList<>(FIELDS);
        all.addAll(NtpTransactions.FIELDS);
        all.addAll(NtpControl.FIELDS);
        r.fields(PROTO, all);
        r.handle("ntp", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(PORT, t.handle("ntp"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int flags = tvb.u8(0);
        int version = (flags >> 3) & 7;
        int mode = flags & 7;
        String summary = VERSIONS.name(version) + ", " + MODE_INFO.name(mode);
        Columns cols = pinfo.columns();
        cols.setProtocol("NTP");
        cols.setInfo(summary);
        ProtoItem ntp = tree.addProtocol(PROTO, tvb, 0, tvb.length()).appendText(" (" + summary + ")");
        if (mode == MODE_CONTROL || mode == MODE_PRIVATE) {
            NtpControl.dissect(tvb, pinfo, ntp, mode, cols);
            return tvb.length();
        }
        ProtoItem flagsItem = ntp.add(FLAGS, tvb, 0, 1);
        if (ntp.tree().detailed()) {
            flagsItem.setText(String.format("Flags: 0x%02x, Leap Indicator: %s, Version number: %s, Mode: %s", flags,
                    LEAP.name(flags >> 6), VERSIONS.name(version), MODES.name(mode)));
        }
        flagsItem.add(LI, tvb, 0, 1);
        flagsItem.add(VN, tvb, 0, 1);
        flagsItem.add(MODE, tvb, 0, 1);
        boolean clientServer = mode == 3 || mode == 4;
        if (clientServer) {
            NtpTransactions.show(pinfo, ntp, tvb, mode == 4);
        }
        int stratum = tvb.u8(1);
        ntp.add(STRATUM, tvb, 1, 1);
        pollItem(ntp, tvb);
        int precision = (byte) tvb.u8(3);
        label(ntp.add(PRECISION, tvb, 3, 1), "Peer Clock Precision: " + NtpNumbers.fixed6(Math.scalb(1.0, precision))
                + " seconds");
        label(ntp.add(ROOT_DELAY, tvb, 4, 4), "Root Delay: " + NtpNumbers.shortFormat(tvb.u32(4)) + " seconds");
        label(ntp.add(ROOT_DISPERSION, tvb, 8, 4), "Root Dispersion: " + NtpNumbers.shortFormat(tvb.u32(8))
                + " seconds");
        ProtoItem refid = ntp.add(REFID, tvb, 12, 4);
        if (ntp.tree().detailed()) {
            refid.setText("Reference ID: " + NtpNames.referenceId(tvb, 12, stratum));
        }
        NtpTime.add(ntp, REFTIME, tvb, 16);
        NtpTime.add(ntp, ORG, tvb, 24);
        NtpTime.add(ntp, REC, tvb, 32);
        NtpTime.add(ntp, XMT, tvb, 40);
        if (clientServer) {
            NtpTransactions.track(pinfo, NtpTransactions.CLIENT_SERVER, mode == 4);
        }
        trailer(tvb, ntp);
        return tvb.length();
    }

    private static void pollItem(ProtoItem ntp, Tvb tvb) {
        int poll = tvb.u8(2);
        ProtoItem item = ntp.add(PPOLL, tvb, 2, 1);
        if (ntp.tree().detailed()) {
            item.setText(poll >= MIN_POLL && poll <= MAX_POLL
                    ? "Peer Polling Interval: " + poll + " (" + (1L << poll) + " seconds)"
                    : "Peer Polling Interval: invalid (" + poll + ")");
        }
    }

    /**
     * What follows the header: NTPv4 extension fields while one is well formed (length a multiple of
     * four, at least 16 and within the packet), then the rest as a key ID and a MAC, as tshark reads it.
     */
    private static void trailer(Tvb tvb, ProtoItem ntp) {
        int off = HEADER_LENGTH;
        int end = tvb.reportedLength();
        while (end - off >= MIN_EXTENSION) {
            int length = tvb.u16(off + 2);
            if (length < MIN_EXTENSION || length % 4 != 0 || length > end - off) {
                break;
            }
            ProtoItem ext = ntp.add(EXT, tvb, off, length);
            ext.add(EXT_TYPE, tvb, off, 2);
            ext.add(EXT_LENGTH, tvb, off + 2, 2);
            ext.add(EXT_VALUE, tvb, off + 4, length - 4);
            off += length;
        }
        if (off < end) {
            int keyLength = Math.min(4, end - off);
            ntp.add(KEYID, tvb, off, keyLength);
            off += keyLength;
            if (off < end) {
                ntp.add(MAC, tvb, off, end - off);
            }
        }
    }

    /** Sets a computed label on an item that is kept in a detailed tree. */
    static void label(ProtoItem item, String text) {
        if (item.tree().detailed()) {
            item.setText(text);
        }
    }
}
