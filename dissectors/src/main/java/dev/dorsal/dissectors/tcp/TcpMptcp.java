package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Reads the Multipath TCP option (RFC 8684, kind 30): its subtype, and for MP_CAPABLE the version,
 * flags and keys with the token and initial data sequence number derived from the sender's key
 * (SHA-1); numbers MPTCP connections ({@code mptcp.stream}) and shows the {@code [MPTCP analysis]}
 * tree of a subflow. Other subtypes show their subtype only.
 */
final class TcpMptcp {
    static final ProtocolDef MPTCP = new ProtocolDef("Multipath Transmission Control Protocol", "MPTCP", "mptcp");

    static final ValueString SUBTYPES = ValueString.of(0, "Multipath Capable", 1, "Join Connection",
            2, "Data Sequence Signal", 3, "Add Address", 4, "Remove Address", 5, "Change Subflow Priority",
            6, "TCP Fallback", 7, "Fast Close", 8, "TCP Reset");

    static final FieldDef SUBTYPE = FieldDef.uint8("tcp.options.mptcp.subtype", "Multipath TCP subtype")
            .mask(0xf0).vals(SUBTYPES);
    static final FieldDef VERSION = FieldDef.uint8("tcp.options.mptcp.version", "Multipath TCP version").mask(0x0f);
    static final FieldDef FLAGS = FieldDef.uint8("tcp.options.mptcp.flags", "Multipath TCP flags").hex();
    static final FieldDef CHECKSUM_REQ = FieldDef.uint8("tcp.options.mptcp.checksumreq.flags", "Checksum required")
            .mask(0x80);
    static final FieldDef EXTENSIBILITY = FieldDef.uint8("tcp.options.mptcp.extensibility.flag", "Extensibility")
            .mask(0x40);
    static final FieldDef SHA1 = FieldDef.uint8("tcp.options.mptcp.sha1.flag", "Use HMAC-SHA1").mask(0x01);
    static final FieldDef RESERVED = FieldDef.uint8("tcp.options.mptcp.reserved.flag", "Reserved").hex().mask(0x3e);
    static final FieldDef SEND_KEY = FieldDef.uint64("tcp.options.mptcp.sendkey", "Sender's Key");
    static final FieldDef RECV_KEY = FieldDef.uint64("tcp.options.mptcp.recvkey", "Receiver's Key");
    static final FieldDef EXPECTED_TOKEN = FieldDef.uint32("mptcp.expected_token", "Subflow token generated from key");
    static final FieldDef EXPECTED_IDSN = FieldDef.uint64("mptcp.expected_idsn", "Subflow expected IDSN");
    static final FieldDef ANALYSIS = FieldDef.none("mptcp.analysis", "MPTCP analysis");
    static final FieldDef MASTER = FieldDef.bool("mptcp.master", "Master flow").tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef STREAM = FieldDef.uint32("mptcp.stream", "Stream index");
    static final FieldDef SUBFLOWS = FieldDef.none("mptcp.analysis.subflows", "TCP subflow stream id(s)");
    static final FieldDef SUBFLOW_STREAM = FieldDef.uint32("mptcp.analysis.subflows.stream", "List subflow Stream IDs");

    static final List<FieldDef> TCP_FIELDS = List.of(SUBTYPE, VERSION, FLAGS, CHECKSUM_REQ, EXTENSIBILITY, SHA1,
            RESERVED, SEND_KEY, RECV_KEY);
    static final List<FieldDef> MPTCP_FIELDS = List.of(EXPECTED_TOKEN, EXPECTED_IDSN, ANALYSIS, MASTER, STREAM,
            SUBFLOWS, SUBFLOW_STREAM);

    /** An MPTCP connection: its index and the TCP stream of its first subflow. */
    static final class Connection {
        final int index;
        final int master;

        Connection(int index, int master) {
            this.index = index;
            this.master = master;
        }
    }

    /** MPTCP connections numbered per capture. */
    static final class Connections {
        private int next;

        Connection start(int masterStream) {
            return new Connection(next++, masterStream);
        }
    }

    private TcpMptcp() {}

    /** Decodes the option at {@code off} ({@code len} bytes) into {@code item}, the option's protocol node. */
    static void option(ProtoItem item, Tvb tvb, int off, int len, TcpSegment seg, Connections connections,
            boolean detailed) {
        item.add(TcpOptions.KIND, tvb, off, 1);
        item.add(TcpOptions.LEN, tvb, off + 1, 1);
        if (len < 3) {
            return;
        }
        int subtype = tvb.u8(off + 2) >> 4;
        if (detailed) {
            String name = SUBTYPES.name(subtype);
            item.setText("Multipath Transmission Control Protocol: " + (name != null ? name : "Unknown"));
        }
        item.add(SUBTYPE, tvb, off + 2, 1);
        if (subtype != 0 || len < 12) {
            return;
        }
        item.add(VERSION, tvb, off + 2, 1);
        ProtoItem flags = item.add(FLAGS, tvb, off + 3, 1);
        flags.add(CHECKSUM_REQ, tvb, off + 3, 1);
        flags.add(EXTENSIBILITY, tvb, off + 3, 1);
        flags.add(SHA1, tvb, off + 3, 1);
        flags.add(RESERVED, tvb, off + 3, 1);
        long key = tvb.u64(off + 4);
        item.add(SEND_KEY, tvb, off + 4, 8);
        byte[] digest = sha1(key);
        long token = ((digest[0] & 0xffL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8)
                | (digest[3] & 0xffL);
        long idsn = 0;
        for (int i = 12; i < 20; i++) {
            idsn = (idsn << 8) | (digest[i] & 0xffL);
        }
        TcpAnalysis.generated(item, item.addUint(EXPECTED_TOKEN, tvb, off + 4, 8, token));
        ProtoItem idsnItem = item.addUint(EXPECTED_IDSN, tvb, off + 4, 8, idsn);
        if (idsnItem != item) {
            idsnItem.setGenerated();
            if (detailed) {
                idsnItem.appendText(" (64bits version)");
            }
        }
        if (len >= 20) {
            item.add(RECV_KEY, tvb, off + 12, 8);
        }
        TcpConversation conv = seg.conv;
        if (conv != null && conv.mptcp == null) {
            conv.mptcp = connections.start(conv.index);
        }
    }

    /** The {@code [MPTCP analysis]} tree of a subflow whose connection is known. */
    static void analysis(ProtoItem tcp, Tvb tvb, TcpConversation conv, boolean detailed) {
        Connection c = conv.mptcp;
        if (c == null) {
            return;
        }
        ProtoItem tree = tcp.addUint(ANALYSIS, tvb, 0, 0, 0);
        TcpAnalysis.generated(tcp, tree);
        ProtoItem master = tree.addBool(MASTER, tvb, 0, 0, c.master == conv.index);
        if (master != tree) {
            master.setGenerated();
            if (detailed) {
                master.setText("Master flow: Master is tcp stream " + c.master);
            }
        }
        TcpAnalysis.generated(tree, tree.addUint(STREAM, tvb, 0, 0, c.index));
        ProtoItem subflows = tree.addUint(SUBFLOWS, tvb, 0, 0, 0);
        if (subflows != tree) {
            subflows.setGenerated();
            if (detailed) {
                subflows.appendText(": " + c.master + " ");
            }
            ProtoItem id = subflows.addUint(SUBFLOW_STREAM, tvb, 0, 0, c.master);
            if (id != subflows) {
                id.setHidden();
            }
        }
    }

    private static byte[] sha1(long key) {
        byte[] k = new byte[8];
        for (int i = 0; i < 8; i++) {
            k[i] = (byte) (key >>> (56 - 8 * i));
        }
        try {
            return MessageDigest.getInstance("SHA-1").digest(k);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }
}
