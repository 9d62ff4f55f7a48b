package dev.dorsal.dissectors.quic;

import dev.dorsal.dissectors.tls.TlsQuic;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads QUIC (RFC 9000, protection from RFC 9001) over UDP, found as tshark 4.0.17 finds it: by the
 * {@code udp} heuristic (it binds no port), which takes a long header of a QUIC version or a short header
 * of a connection it knows. Every packet of a datagram (coalesced
 * long-header packets, then possibly a short-header one, then padding), their headers, and the frames of
 * Initial packets, whose keys derive from the client's first Destination Connection ID. Packets of other
 * epochs are shown as tshark shows them without secrets. Filter prefix {@code quic.}.
 *
 * <pre>
 * Long:  |1|1|T T|R R|P P| version (32) | DCID len (8) | DCID | SCID len (8) | SCID | [token] | length | PN | payload
 * Short: |0|1|S|R R|K|P P| DCID | PN | payload
 * </pre>
 */
public final class QuicDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("QUIC IETF", "QUIC", "quic");

    static final FieldDef CONNECTION_NUMBER = FieldDef.uint32("quic.connection.number", "Connection Number");
    static final FieldDef PACKET_LENGTH = FieldDef.uint32("quic.packet_length", "Packet Length");
    static final FieldDef HEADER_FORM = FieldDef.uint8("quic.header_form", "Header Form").mask(0x80)
            .vals(QuicValues.HEADER_FORMS);
    static final FieldDef LONG_PACKET_TYPE = FieldDef.uint8("quic.long.packet_type", "Packet Type").mask(0x30)
            .vals(QuicValues.LONG_TYPES);
    static final FieldDef LONG_PACKET_TYPE_V2 = FieldDef.uint8("quic.long.packet_type_v2", "Packet Type").mask(0x30)
            .vals(QuicValues.LONG_TYPES_V2);
    static final FieldDef LONG_RESERVED = FieldDef.uint8("quic.long.reserved", "Reserved").mask(0x0c);
    static final FieldDef PN_LENGTH = FieldDef.uint8("quic.packet_number_length", "Packet Number Length").mask(0x03)
            .vals(QuicValues.PN_LENGTHS);
    static final FieldDef DCID = FieldDef.bytes("quic.dcid", "Destination Connection ID");
    static final FieldDef SCID = FieldDef.bytes("quic.scid", "Source Connection ID");
    static final FieldDef DCIL = FieldDef.uint8("quic.dcil", "Destination Connection ID Length");
    static final FieldDef SCIL = FieldDef.uint8("quic.scil", "Source Connection ID Length");
    static final FieldDef TOKEN_LENGTH = FieldDef.uint64("quic.token_length", "Token Length");
    static final FieldDef TOKEN = FieldDef.bytes("quic.token", "Token");
    static final FieldDef LENGTH = FieldDef.uint64("quic.length", "Length");
    static final FieldDef PACKET_NUMBER = FieldDef.uint64("quic.packet_number", "Packet Number");
    static final FieldDef VERSION = FieldDef.uint32("quic.version", "Version").hex().vals(QuicValues.VERSIONS);
    static final FieldDef SUPPORTED_VERSION = FieldDef.uint32("quic.supported_version", "Supported Version").hex()
            .vals(QuicValues.VERSIONS);
    static final FieldDef VN_UNUSED = FieldDef.uint8("quic.vn.unused", "Unused").hex().mask(0x7f);
    static final FieldDef SHORT = FieldDef.none("quic.short", "QUIC Short Header");
    static final FieldDef FIXED_BIT = FieldDef.bool("quic.fixed_bit", "Fixed Bit", 8, 0x40)
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef SPIN_BIT = FieldDef.bool("quic.spin_bit", "Spin Bit", 8, 0x20)
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef SHORT_RESERVED = FieldDef.uint8("quic.short.reserved", "Reserved").mask(0x18);
    static final FieldDef KEY_PHASE = FieldDef.bool("quic.key_phase", "Key Phase Bit", 8, 0x04)
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef PAYLOAD = FieldDef.bytes("quic.payload", "Payload");
    static final FieldDef PROTECTED_PAYLOAD = FieldDef.bytes("quic.protected_payload", "Protected Payload");
    static final FieldDef REMAINING_PAYLOAD = FieldDef.bytes("quic.remaining_payload", "Remaining Payload");
    static final FieldDef RETRY_TOKEN = FieldDef.bytes("quic.retry_token", "Retry Token");
    static final FieldDef RETRY_TAG = FieldDef.bytes("quic.retry_integrity_tag", "Retry Integrity Tag");

    static final List<FieldDef> FIELDS = List.of(CONNECTION_NUMBER, PACKET_LENGTH, HEADER_FORM, LONG_PACKET_TYPE,
            LONG_PACKET_TYPE_V2, LONG_RESERVED, PN_LENGTH, DCID, SCID, DCIL, SCIL, TOKEN_LENGTH, TOKEN, LENGTH,
            PACKET_NUMBER, VERSION, SUPPORTED_VERSION, VN_UNUSED, SHORT, FIXED_BIT, SPIN_BIT, SHORT_RESERVED,
            KEY_PHASE, PAYLOAD, PROTECTED_PAYLOAD, REMAINING_PAYLOAD, RETRY_TOKEN, RETRY_TAG);

    static final ExpertDef DECRYPTION_FAILED = new ExpertDef("quic.decryption_failed", "Failed to decrypt handshake",
            ExpertDef.Group.DECRYPTION, ExpertDef.Severity.WARN);
    static final ExpertDef BAD_RETRY = new ExpertDef("quic.bad_retry", "Retry Integrity Tag verification failure",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef COALESCED_PADDING = new ExpertDef("quic.coalesced_padding_data",
            "(Random) padding data appended to the datagram", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.NOTE);

    private static final String NO_SECRETS = "Secrets are not available";
    /** Decryption failures a first pass of two remembers; tshark's second pass shows them as context failures. */
    private static final String FAILED_PASS_ONE = "quic.decryption_failed";
    private static final List<String> FAILURES = List.of("Decryption (checktag) failed: Checksum error",
            "Decryption not possible, ciphertext is too short");
    private static final String NO_CIPHER = "Missing TLS handshake, unsupported ciphers or padding";

    private static final int INITIAL = 0;
    private static final int ZERO_RTT = 1;
    private static final int HANDSHAKE = 2;
    private static final int RETRY = 3;

    private DissectorHandle tls;

    @Override
    public String name() {
        return "quic";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        List<FieldDef> all = new ArrayList<>(FIELDS);
        all.addAll(QuicFrames.FIELDS);
        r.fields(PROTO, all);
        r.experts(PROTO, List.of(QuicFrames.UNKNOWN_FRAME, DECRYPTION_FAILED, QuicFrames.PROTOCOL_VIOLATION,
                BAD_RETRY, COALESCED_PADDING, QuicFrames.RETRANSMISSION));
        r.handle("quic", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.heuristics("udp").add("quic", PROTO, this::heuristic, true);
        tls = t.handle("tls13-handshake");
    }

    /**
     * The {@code udp} heuristic: any packet of a 5-tuple already known as QUIC (tshark then binds the
     * conversation), a long header of at least {@link #MIN_HEURISTIC_LENGTH} bytes with a QUIC version and
     * a DCID within the packet, or a short header of a connection known by its DCID.
     */
    private boolean heuristic(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (tvb.length() == 0) {
            return false;
        }
        boolean known = QuicConnections.of(pinfo).knowsTuple(pinfo);
        if (!known && (tvb.u8(0) & 0x80) != 0) {
            if (tvb.length() < MIN_HEURISTIC_LENGTH || !QuicValues.isQuicVersion(tvb.u32(1))
                    || !tvb.has(6 + tvb.u8(5), 1)) {
                return false;
            }
        }
        return dissect(tvb, pinfo, tree) > 0;
    }

    /** The shortest long header tshark's heuristic takes for QUIC. */
    static final int MIN_HEURISTIC_LENGTH = 13;

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (tvb.length() == 0) {
            return 0;
        }
        if ((tvb.u8(0) & 0x80) != 0 && tvb.has(1, 4) && isGoogleQuic(tvb.u32(1))) {
            return 0; // Google QUIC with IETF-style long headers (Q046 on): not this dissector's
        }
        QuicConnections conns = QuicConnections.of(pinfo);
        QuicConnections.Found found = null;
        if ((tvb.u8(0) & 0x80) == 0) {
            found = conns.findShort(pinfo, tvb);
            if (found == null) {
                return 0; // a short header of a connection never seen: tshark leaves it to others
            }
        }
        pinfo.columns().setProtocol("QUIC");
        Datagram d = new Datagram(tvb, pinfo, conns, found);
        int offset = 0;
        int end = tvb.reportedLength();
        while (offset < end) {
            if (d.firstDcid != null && !nextIsPacket(tvb, offset, d.firstDcid)) {
                tree.addProtocol(PROTO, tvb, offset, end - offset).expert(COALESCED_PADDING);
                break;
            }
            ProtoItem quic = tree.addProtocol(PROTO, tvb, offset, end - offset);
            d.index++;
            int length = (tvb.u8(offset) & 0x80) != 0 ? longPacket(d, quic, offset) : shortPacket(d, quic, offset);
            quic.setLength(length);
            offset += length;
        }
        return tvb.length();
    }

    /** Google QUIC versions are "Q0nn" and "T0nn" in ASCII. */
    private static boolean isGoogleQuic(long version) {
        long first = version >>> 24;
        return (first == 'Q' || first == 'T') && ((version >>> 16) & 0xff) == '0';
    }

    /** What the packets of one datagram share. */
    private static final class Datagram {
        final Tvb tvb;
        final PacketInfo pinfo;
        final QuicConnections conns;
        QuicConnection conn;
        boolean fromServer;
        /** The DCID length of a short header, as the connection lookup found it. */
        int shortDcidLength;
        /** Which packet of the datagram is being dissected (1 for the first). */
        int index;
        byte[] firstDcid;

        Datagram(Tvb tvb, PacketInfo pinfo, QuicConnections conns, QuicConnections.Found found) {
            this.tvb = tvb;
            this.pinfo = pinfo;
            this.conns = conns;
            use(found);
        }

        void use(QuicConnections.Found found) {
            if (found != null) {
                conn = found.conn();
                fromServer = found.fromServer();
                shortDcidLength = found.dcidLength();
            }
        }

        boolean fromServer() {
            return fromServer;
        }

        /** The key under which a first pass of two remembers this packet's decryption failure. */
        long packetKey() {
            return pinfo.number() * 16 + Math.min(index, 15);
        }

        /** The failure a first pass of two met decrypting this packet, or null. */
        String storedFailure() {
            long code = pinfo.links().recall(FAILED_PASS_ONE, packetKey());
            return code == 0 ? null : FAILURES.get((int) code - 1);
        }

        void learnFailure(String message) {
            int i = FAILURES.indexOf(message);
            if (i >= 0) {
                pinfo.links().learn(FAILED_PASS_ONE, packetKey(), i + 1);
            }
        }
    }

    /**
     * Whether bytes after a packet are another packet rather than padding: a long header, or a short
     * header whose DCID starts like the first packet's.
     */
    private static boolean nextIsPacket(Tvb tvb, int offset, byte[] firstDcid) {
        if ((tvb.u8(offset) & 0x80) != 0) {
            return true;
        }
        int n = Math.min(firstDcid.length, tvb.remaining(offset + 1));
        for (int i = 0; i < n; i++) {
            if ((byte) tvb.u8(offset + 1 + i) != firstDcid[i]) {
                return false;
            }
        }
        return true;
    }

    private int longPacket(Datagram d, ProtoItem quic, int o) {
        Tvb tvb = d.tvb;
        PacketInfo pinfo = d.pinfo;
        int b0 = tvb.u8(o);
        long version = tvb.u32(o + 1);
        int dcil = tvb.u8(o + 5);
        byte[] dcid = tvb.bytes(o + 6, dcil);
        int scilAt = o + 6 + dcil;
        int scil = tvb.u8(scilAt);
        byte[] scid = tvb.bytes(scilAt + 1, scil);
        int at = scilAt + 1 + scil;
        boolean v2 = version == QuicValues.VERSION_2;
        int raw = (b0 >> 4) & 3;
        int type = v2 ? (raw + 3) % 4 : raw;
        boolean first = d.firstDcid == null;
        if (first) {
            d.firstDcid = dcid;
            d.use(d.conns.findLong(pinfo, dcid));
            if (d.conn == null && version != QuicValues.VERSION_NEGOTIATION && type == INITIAL) {
                d.conn = d.conns.create(pinfo, version, dcid);
                d.fromServer = false;
            }
        }
        QuicConnection conn = d.conn;
        boolean fromServer = d.fromServer();
        if (conn != null && version != QuicValues.VERSION_NEGOTIATION && type != RETRY) {
            if (fromServer && conn.serverCid == null) {
                conn.serverCid = scid;
                d.conns.register(conn, scid, true);
            } else if (!fromServer && conn.clientCid == null) {
                conn.clientCid = scid;
                d.conns.register(conn, scid, false);
            }
        }
        String cids = (dcil > 0 ? ", DCID=" + hex(dcid) : "") + (scil > 0 ? ", SCID=" + hex(scid) : "");
        int end = tvb.reportedLength();
        connectionInfo(d, quic, o, first);
        if (version == QuicValues.VERSION_NEGOTIATION || type == RETRY) {
            quic.addUint(PACKET_LENGTH, tvb, o, 0, end - o).setGenerated();
            quic.add(HEADER_FORM, tvb, o, 1);
            if (version == QuicValues.VERSION_NEGOTIATION) {
                quic.add(VN_UNUSED, tvb, o, 1);
            } else {
                quic.add(v2 ? LONG_PACKET_TYPE_V2 : LONG_PACKET_TYPE, tvb, o, 1);
            }
            ids(quic, tvb, o, version, dcil, scil);
            if (version == QuicValues.VERSION_NEGOTIATION) {
                pinfo.columns().setInfo("Version Negotiation" + cids);
                while (end - at >= 4) {
                    quic.add(SUPPORTED_VERSION, tvb, at, 4);
                    at += 4;
                }
            } else {
                pinfo.columns().setInfo("Retry" + cids);
                retry(d, quic, version, o, at, end);
            }
            return end - o;
        }
        int tokenAt = at;
        long tokenLength = 0;
        if (type == INITIAL) {
            tokenLength = QuicVarint.value(tvb, at);
            at += QuicVarint.length(tvb, at);
            at = checkedAdd(at, tokenLength);
        }
        int lengthAt = at;
        long length = QuicVarint.value(tvb, at);
        int pnOffset = at + QuicVarint.length(tvb, at);
        int packetEnd = (int) Math.min(end, pnOffset + Math.min(length, Integer.MAX_VALUE));
        quic.addUint(PACKET_LENGTH, tvb, o, 0, packetEnd - o).setGenerated();
        Columns cols = pinfo.columns();
        quic.add(HEADER_FORM, tvb, o, 1);
        int space = type == INITIAL ? QuicConnection.SPACE_INITIAL : type == HANDSHAKE
                ? QuicConnection.SPACE_HANDSHAKE : QuicConnection.SPACE_APPLICATION;
        QuicCrypto.Keys keys = null;
        if (conn != null) {
            keys = type == INITIAL ? conn.initialKeys(fromServer) : conn.secretKeys(fromServer,
                    type == HANDSHAKE ? QuicConnection.KEYS_HANDSHAKE : QuicConnection.KEYS_ZERO_RTT,
                    (random, label) -> TlsQuic.secret(pinfo, random, label));
        }
        // The sample is read from the datagram, past this packet if need be; with keys and too few bytes
        // tshark stops right after the header form, as here.
        byte[] mask = keys == null ? null : keys.mask(tvb.bytes(pnOffset + 4, QuicCrypto.SAMPLE_LENGTH));
        quic.add(FIXED_BIT, tvb, o, 1);
        quic.add(v2 ? LONG_PACKET_TYPE_V2 : LONG_PACKET_TYPE, tvb, o, 1);
        if (keys == null) {
            ids(quic, tvb, o, version, dcil, scil);
            token(quic, tvb, tokenAt, tokenLength, type);
            quic.addUint(LENGTH, tvb, lengthAt, pnOffset - lengthAt, length);
            cols.setInfo(LONG_TYPE_NAMES[type] + cids);
            String reason = type == ZERO_RTT ? (supported(conn == null ? -1 : conn.clientFirstSuite) ? NO_SECRETS
                    : NO_CIPHER) : supported(conn == null ? -1 : conn.serverSuite) ? NO_SECRETS : NO_CIPHER;
            quic.expert(DECRYPTION_FAILED, "Failed to create decryption context: " + reason);
            quic.add(REMAINING_PAYLOAD, tvb, pnOffset, packetEnd - pnOffset);
            return packetEnd - o;
        }
        int unprotected = b0 ^ (mask[0] & 0x0f);
        int pnLength = (unprotected & 3) + 1;
        quic.addUint(LONG_RESERVED, tvb, o, 1, (unprotected >> 2) & 3);
        quic.addUint(PN_LENGTH, tvb, o, 1, unprotected & 3);
        ids(quic, tvb, o, version, dcil, scil);
        token(quic, tvb, tokenAt, tokenLength, type);
        quic.addUint(LENGTH, tvb, lengthAt, pnOffset - lengthAt, length);
        byte[] pnBytes = tvb.bytes(pnOffset, pnLength);
        long truncated = 0;
        for (int i = 0; i < pnLength; i++) {
            pnBytes[i] ^= mask[1 + i];
            truncated = (truncated << 8) | (pnBytes[i] & 0xff);
        }
        String stored = d.storedFailure();
        if (stored != null) {
            // tshark's second pass keeps the header but shows the payload as its first pass left it
            cols.setInfo(LONG_TYPE_NAMES[type] + cids);
            quic.expert(DECRYPTION_FAILED, "Failed to create decryption context: " + stored);
            quic.add(REMAINING_PAYLOAD, tvb, pnOffset, Math.min(packetEnd, tvb.length()) - pnOffset);
            return packetEnd - o;
        }
        long pn = conn.decodePn(fromServer, space, truncated, 8 * pnLength);
        quic.addUint(PACKET_NUMBER, tvb, pnOffset, pnLength, pn);
        int payloadAt = pnOffset + pnLength;
        // Bytes the snapshot length cut are not there to decrypt: tshark tries what was captured.
        int payloadLength = Math.max(0, Math.min(packetEnd, tvb.length()) - payloadAt);
        ProtoItem payload = quic.add(PAYLOAD, tvb, payloadAt, payloadLength);
        cols.setInfo(LONG_TYPE_NAMES[type] + cids + ", PKN: " + pn);
        byte[] header = tvb.bytes(o, payloadAt - o);
        header[0] = (byte) unprotected;
        System.arraycopy(pnBytes, 0, header, pnOffset - o, pnLength);
        byte[] plain;
        try {
            plain = keys.open(pn, header, tvb.bytes(payloadAt, payloadLength));
        } catch (QuicCrypto.Failure e) {
            payload.expert(DECRYPTION_FAILED, "Decryption failed: " + e.getMessage());
            d.learnFailure(e.getMessage());
            return packetEnd - o;
        }
        conn.packetDecrypted(fromServer, space, pn);
        Tvb decrypted = pinfo.addDataSource("Decrypted QUIC", plain);
        QuicFrames.dissect(new QuicPacket(pinfo, conn, fromServer, space, tls), quic, decrypted);
        return packetEnd - o;
    }

    private static final String[] LONG_TYPE_NAMES = {"Initial", "0-RTT", "Handshake", "Retry"};

    /** The cipher suites tshark can decrypt QUIC with (TLS_AES_128_GCM_SHA256, _256_GCM_SHA384, CHACHA20). */
    private static boolean supported(int suite) {
        return suite == 0x1301 || suite == 0x1302 || suite == 0x1303;
    }

    /** The connection line (first packet of a datagram only) and the packet's length. */
    private static void header(Datagram d, ProtoItem quic, int o, int length, boolean first) {
        connectionInfo(d, quic, o, first);
        quic.addUint(PACKET_LENGTH, d.tvb, o, 0, length).setGenerated();
    }

    private static void connectionInfo(Datagram d, ProtoItem quic, int o, boolean first) {
        if (first && d.conn != null) {
            ProtoItem info = quic.addText(d.tvb, o, 0, "QUIC Connection information");
            info.addUint(CONNECTION_NUMBER, d.tvb, o, 0, d.conn.number).setGenerated();
        }
    }

    /** Version, connection ID lengths and connection IDs of a long header. */
    private static void ids(ProtoItem quic, Tvb tvb, int o, long version, int dcil, int scil) {
        ProtoItem v = quic.add(VERSION, tvb, o + 1, 4);
        if (QuicValues.forcesNegotiation(version)) {
            v.appendText(" (Forcing Version Negotiation)");
        }
        quic.add(DCIL, tvb, o + 5, 1);
        if (dcil > 0) {
            quic.add(DCID, tvb, o + 6, dcil);
        }
        quic.add(SCIL, tvb, o + 6 + dcil, 1);
        if (scil > 0) {
            quic.add(SCID, tvb, o + 7 + dcil, scil);
        }
    }

    private static void token(ProtoItem quic, Tvb tvb, int at, long tokenLength, int type) {
        if (type != INITIAL) {
            return;
        }
        int n = QuicVarint.length(tvb, at);
        quic.addUint(TOKEN_LENGTH, tvb, at, n, tokenLength);
        if (tokenLength > 0) {
            quic.add(TOKEN, tvb, at + n, (int) tokenLength);
        }
    }

    private void retry(Datagram d, ProtoItem quic, long version, int o, int at, int end) {
        Tvb tvb = d.tvb;
        int tagAt = end - QuicCrypto.TAG_LENGTH;
        quic.add(RETRY_TOKEN, tvb, at, tagAt - at);
        ProtoItem tag = quic.add(RETRY_TAG, tvb, tagAt, QuicCrypto.TAG_LENGTH);
        if (d.conn == null) {
            return;
        }
        if (!d.fromServer()) {
            return;
        }
        d.conn.retried(d.tvb.bytes(o + 7 + d.tvb.u8(o + 5), d.tvb.u8(o + 6 + d.tvb.u8(o + 5))));
        boolean valid = QuicCrypto.retryTagValid(version, d.conn.originalDcid, tvb.bytes(o, tagAt - o),
                tvb.bytes(tagAt, QuicCrypto.TAG_LENGTH));
        if (valid) {
            tag.appendText(" [verified]");
        } else {
            tag.expert(BAD_RETRY);
        }
    }

    private int shortPacket(Datagram d, ProtoItem quic, int o) {
        Tvb tvb = d.tvb;
        QuicConnection conn = d.conn;
        byte[] cid = conn == null ? null : d.fromServer() ? conn.clientCid : conn.serverCid;
        int dcidLength = d.firstDcid == null ? d.shortDcidLength : cid == null ? 0 : cid.length;
        tvb.bytes(o, 1 + dcidLength + 1); // the first byte, the DCID and at least a packet number byte
        boolean first = d.firstDcid == null;
        byte[] dcid = tvb.bytes(o + 1, dcidLength);
        if (first) {
            d.firstDcid = dcid;
        }
        int end = tvb.reportedLength();
        header(d, quic, o, end - o, first);
        ProtoItem header = quic.add(SHORT, tvb, o, end - o)
                .setText("QUIC Short Header" + (dcidLength > 0 ? " DCID=" + hex(dcid) : ""));
        header.add(HEADER_FORM, tvb, o, 1);
        header.add(FIXED_BIT, tvb, o, 1);
        header.add(SPIN_BIT, tvb, o, 1);
        int pnOffset = o + 1 + dcidLength;
        QuicCrypto.Keys keys = conn == null ? null : conn.secretKeys(d.fromServer(), QuicConnection.KEYS_ONE_RTT,
                (random, label) -> TlsQuic.secret(d.pinfo, random, label));
        if (keys != null && tvb.has(pnOffset + 4, QuicCrypto.SAMPLE_LENGTH)) {
            decryptShort(d, quic, header, keys, o, pnOffset, dcid);
            return end - o;
        }
        d.pinfo.columns().setInfo("Protected Payload (KP0)" + (dcidLength > 0 ? ", DCID=" + hex(dcid) : ""));
        if (conn != null && !conn.oneRttAttempted) {
            conn.oneRttAttempted = true;
            quic.expert(DECRYPTION_FAILED, "Failed to create decryption context: "
                    + (supported(conn.serverSuite) ? NO_SECRETS : NO_CIPHER));
        }
        if (dcidLength > 0) {
            header.add(DCID, tvb, o + 1, dcidLength);
        }
        quic.add(REMAINING_PAYLOAD, tvb, pnOffset, end - pnOffset);
        return end - o;
    }

    /** A 1-RTT packet whose keys the key log gave: header protection off, then the payload decrypted. */
    private void decryptShort(Datagram d, ProtoItem quic, ProtoItem header, QuicCrypto.Keys keys, int o,
            int pnOffset, byte[] dcid) {
        Tvb tvb = d.tvb;
        QuicConnection conn = d.conn;
        boolean fromServer = d.fromServer();
        int end = tvb.reportedLength();
        byte[] mask = keys.mask(tvb.bytes(pnOffset + 4, QuicCrypto.SAMPLE_LENGTH));
        int unprotected = tvb.u8(o) ^ (mask[0] & 0x1f);
        int pnLength = (unprotected & 3) + 1;
        byte[] pnBytes = tvb.bytes(pnOffset, pnLength);
        long truncated = 0;
        for (int i = 0; i < pnLength; i++) {
            pnBytes[i] ^= mask[1 + i];
            truncated = (truncated << 8) | (pnBytes[i] & 0xff);
        }
        long pn = conn.decodePn(fromServer, QuicConnection.SPACE_APPLICATION, truncated, 8 * pnLength);
        int keyPhase = (unprotected >> 2) & 1;
        String stored = d.storedFailure();
        if (stored == null) {
            header.appendText(" PKN=" + pn);
        }
        header.addUint(SHORT_RESERVED, tvb, o, 1, (unprotected >> 3) & 3);
        header.addUint(KEY_PHASE, tvb, o, 1, keyPhase);
        header.addUint(PN_LENGTH, tvb, o, 1, unprotected & 3);
        if (dcid.length > 0) {
            header.add(DCID, tvb, o + 1, dcid.length);
        }
        if (stored != null) {
            d.pinfo.columns().setInfo("Protected Payload (KP" + keyPhase + ")"
                    + (dcid.length > 0 ? ", DCID=" + hex(dcid) : ""));
            quic.expert(DECRYPTION_FAILED, "Failed to create decryption context: " + stored);
            quic.add(REMAINING_PAYLOAD, tvb, pnOffset, end - pnOffset);
            return;
        }
        header.addUint(PACKET_NUMBER, tvb, pnOffset, pnLength, pn);
        int payloadAt = pnOffset + pnLength;
        int payloadLength = Math.max(0, Math.min(end, tvb.length()) - payloadAt);
        ProtoItem payload = header.add(PROTECTED_PAYLOAD, tvb, payloadAt, payloadLength);
        d.pinfo.columns().setInfo("Protected Payload (KP" + keyPhase + ")"
                + (dcid.length > 0 ? ", DCID=" + hex(dcid) : "") + ", PKN: " + pn);
        byte[] aad = tvb.bytes(o, payloadAt - o);
        aad[0] = (byte) unprotected;
        System.arraycopy(pnBytes, 0, aad, pnOffset - o, pnLength);
        byte[] plain;
        try {
            plain = keys.open(pn, aad, tvb.bytes(payloadAt, payloadLength));
        } catch (QuicCrypto.Failure e) {
            payload.expert(DECRYPTION_FAILED, "Decryption failed: " + e.getMessage());
            d.learnFailure(e.getMessage());
            return;
        }
        conn.packetDecrypted(fromServer, QuicConnection.SPACE_APPLICATION, pn);
        Tvb decrypted = d.pinfo.addDataSource("Decrypted QUIC", plain);
        QuicFrames.dissect(new QuicPacket(d.pinfo, conn, fromServer, QuicConnection.SPACE_APPLICATION, tls), quic,
                decrypted);
    }

    private static int checkedAdd(int at, long n) {
        if (n > Integer.MAX_VALUE - at) {
            throw new dev.dorsal.engine.spi.MalformedException("token length " + n + " beyond the packet");
        }
        return at + (int) n;
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
