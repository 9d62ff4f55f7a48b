package dev.dorsal.dissectors.llc;

import dev.dorsal.dissectors.http.testkit.FieldDump;
import dev.dorsal.dissectors.http.testkit.RealStack;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.DissectionOptions;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds IEEE 802.3 (length-field) frames, Linux cooked v2 frames and 802.1Q-tagged length frames
 * around an LLC payload, and dissects them through the real stack, for the LLC and STP tests.
 */
public final class Dot3Frames {
    /** The bridge group address BPDUs are sent to (IEEE 802.1D Table 7-9). */
    public static final String BRIDGES = "0180c2000000";
    public static final String STATION = "020000000002";
    private static final String SOURCE = "020000000001";

    private Dot3Frames() {}

    /** Bytes from hex, spaces allowed. */
    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** An 802.3 frame to {@code dst} whose length field covers {@code payload}, padded to 60 bytes. */
    public static byte[] dot3(String dst, byte[] payload) {
        return dot3(dst, payload, payload.length);
    }

    /** An 802.3 frame with the given length field value, padded to 60 bytes. */
    public static byte[] dot3(String dst, byte[] payload, int lengthField) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(hex(dst + SOURCE));
        out.write(lengthField >> 8);
        out.write(lengthField & 0xff);
        out.writeBytes(payload);
        while (out.size() < 60) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** A Linux cooked v2 frame with protocol 0x0004 (802.2 LLC) from an Ethernet device. */
    public static byte[] sll2Llc(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(hex("0004 0000 00000003 0001 02 06 " + SOURCE + "0000"));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** An Ethernet II frame with an 802.1Q tag (VLAN 118) whose type field is the payload's length. */
    public static byte[] vlanLength(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(hex(STATION + SOURCE + "8100 0076"));
        out.write(payload.length >> 8);
        out.write(payload.length & 0xff);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Dissects one Ethernet frame. */
    public static DissectedPacket ethernet(byte[] frame) {
        return run(1, frame, frame.length);
    }

    /** Dissects one Ethernet frame of which only the first {@code captured} bytes were captured. */
    public static DissectedPacket ethernetCut(byte[] frame, int captured) {
        return run(1, java.util.Arrays.copyOf(frame, captured), frame.length);
    }

    /** Dissects one Linux cooked v2 frame (LINKTYPE_LINUX_SLL2). */
    public static DissectedPacket sll2(byte[] frame) {
        return run(276, frame, frame.length);
    }

    private static DissectedPacket run(int linkType, byte[] data, int wire) {
        RawFrame raw = new RawFrame(1, 0, linkType, 0, 1_700_000_000_000_000_000L, 6, wire, data);
        return RealStack.run(List.of(raw), DissectionOptions.FULL).get(0);
    }

    /** The -T fields text of every field of {@code protocols} in the packet, as {@code abbrev=value}. */
    public static List<String> fields(DissectedPacket p, String... protocols) {
        return FieldDump.of(List.of(p), List.of(protocols));
    }
}
