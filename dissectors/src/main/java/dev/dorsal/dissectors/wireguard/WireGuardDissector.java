package dev.dorsal.dissectors.wireguard;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Reads WireGuard (https://www.wireguard.com/protocol/) as tshark does without keys. tshark finds it
 * through its {@code udp} heuristic, on by default and bound to no port: a message type 1 to 4 with
 * exactly the length of its type (148, 92 and 64 bytes; transport data at least 32), and zero
 * reserved bytes for a cookie reply or transport data; after a handshake initiation the UDP
 * conversation is WireGuard's, reserved bytes or not (announced through UDP). The four
 * messages show their header fields; keys and ciphertexts are shown, never decrypted. Handshakes pair
 * into sessions ({@link WgSessions}): the stream index, the response to an initiation and, with
 * {@code -2}, the response an initiation got. Filter prefix {@code wg.}; sender and receiver indexes
 * and the counter are little-endian.
 *
 * <pre>
 * | type (8) | reserved (24) | type 1: sender, ephemeral (32 bytes), static (48), timestamp (28), mac1, mac2 (16) |
 * type 2: sender, receiver, ephemeral (32), empty (16), mac1, mac2 | type 3: receiver, nonce (24), cookie (32) |
 * type 4: receiver, counter (64), encrypted packet (16 + data) |
 * </pre>
 */
public final class WireGuardDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("WireGuard Protocol", "WireGuard", "wg");
    static final String HANDLE = "wg";

    static final int INITIATION = 1;
    static final int RESPONSE = 2;
    static final int COOKIE_REPLY = 3;
    static final int TRANSPORT_DATA = 4;

    static final ValueString TYPES = ValueString.of(INITIATION, "Handshake Initiation", RESPONSE,
            "Handshake Response", COOKIE_REPLY, "Cookie Reply", TRANSPORT_DATA, "Transport Data");

    static final FieldDef TYPE = FieldDef.uint8("wg.type", "Type").vals(TYPES);
    static final FieldDef RESERVED = FieldDef.bytes("wg.reserved", "Reserved");
    static final FieldDef SENDER = FieldDef.uint32("wg.sender", "Sender").hex()
            .blurb("Identifier as chosen by the sender");
    static final FieldDef EPHEMERAL = FieldDef.string("wg.ephemeral", "Ephemeral")
            .blurb("Ephemeral public key of sender");
    static final FieldDef EPHEMERAL_KNOWN_PRIVKEY = FieldDef.bool("wg.ephemeral.known_privkey", "Has Private Key")
            .blurb("Whether the corresponding private key is known (configured via prefs)");
    static final FieldDef ENCRYPTED_STATIC = FieldDef.none("wg.encrypted_static", "Encrypted Static")
            .blurb("Encrypted long-term static public key of sender");
    static final FieldDef ENCRYPTED_TIMESTAMP = FieldDef.none("wg.encrypted_timestamp", "Encrypted Timestamp");
    static final FieldDef MAC1 = FieldDef.bytes("wg.mac1", "mac1");
    static final FieldDef MAC2 = FieldDef.bytes("wg.mac2", "mac2");
    static final FieldDef RECEIVER = FieldDef.uint32("wg.receiver", "Receiver").hex()
            .blurb("Identifier as chosen by receiver");
    static final FieldDef ENCRYPTED_EMPTY = FieldDef.none("wg.encrypted_empty", "Encrypted Empty")
            .blurb("Authenticated encryption of an empty string");
    static final FieldDef NONCE = FieldDef.bytes("wg.nonce", "Nonce");
    static final FieldDef ENCRYPTED_COOKIE = FieldDef.bytes("wg.encrypted_cookie", "Encrypted Cookie");
    static final FieldDef COUNTER = FieldDef.uint64("wg.counter", "Counter");
    static final FieldDef ENCRYPTED_PACKET = FieldDef.none("wg.encrypted_packet", "Encrypted Packet");


    // Fields and notes tshark shows only with keys (wg.keylog_file, wg.private_keys) or on a message its
    // heuristic would not take: declared so that filters and the glossary name them, never shown.
    static final FieldDef STATIC = FieldDef.string("wg.static", "Static Public Key")
            .blurb("Long-term static public key of sender");
    static final FieldDef STATIC_KNOWN_PUBKEY = FieldDef.bool("wg.static.known_pubkey", "Known Public Key")
            .blurb("Whether this public key is known (configured via prefs)");
    static final FieldDef STATIC_KNOWN_PRIVKEY = FieldDef.bool("wg.static.known_privkey", "Has Private Key")
            .blurb("Whether the corresponding private key is known (configured via prefs)");
    static final FieldDef TAI64_LABEL = FieldDef.uint64("wg.timestamp.tai64_label", "TAI64 Label");
    static final FieldDef NANOSECONDS = FieldDef.uint32("wg.timestamp.nanoseconds", "Nanoseconds");
    static final FieldDef TIMESTAMP = FieldDef.absoluteTime("wg.timestamp.value", "Timestamp");
    static final FieldDef RECEIVER_PUBKEY = FieldDef.string("wg.receiver_pubkey", "Receiver Static Public Key")
            .blurb("Public key of the receiver (matched based on MAC1)");
    static final FieldDef RECEIVER_KNOWN_PRIVKEY = FieldDef.bool("wg.receiver_pubkey.known_privkey",
            "Has Private Key").blurb("Whether the corresponding private key is known (configured via prefs)");
    static final FieldDef HANDSHAKE_OK = FieldDef.bool("wg.handshake_ok", "Handshake decryption successful")
            .blurb("Whether decryption keys were successfully derived");

    static final List<FieldDef> FIELDS = List.of(TYPE, RESERVED, SENDER, EPHEMERAL, ENCRYPTED_STATIC, STATIC,
            ENCRYPTED_TIMESTAMP, TAI64_LABEL, NANOSECONDS, TIMESTAMP, MAC1, MAC2, RECEIVER, ENCRYPTED_EMPTY,
            HANDSHAKE_OK, NONCE, ENCRYPTED_COOKIE, COUNTER, ENCRYPTED_PACKET, WgSessions.STREAM,
            WgSessions.RESPONSE_IN, WgSessions.RESPONSE_TO, RECEIVER_PUBKEY, RECEIVER_KNOWN_PRIVKEY,
            EPHEMERAL_KNOWN_PRIVKEY, STATIC_KNOWN_PUBKEY, STATIC_KNOWN_PRIVKEY);

    static final ExpertDef KEEPALIVE = new ExpertDef("wg.keepalive", "This is a Keepalive message",
            ExpertDef.Group.SEQUENCE, ExpertDef.Severity.CHAT);
    static final ExpertDef BAD_PACKET_LENGTH = new ExpertDef("wg.bad_packet_length", "Packet length is too small",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    static final ExpertDef DECRYPTION_ERROR = new ExpertDef("wg.decryption_error", "Packet data decryption failed",
            ExpertDef.Group.DECRYPTION, ExpertDef.Severity.WARN);
    static final ExpertDef DECRYPTION_UNSUPPORTED = new ExpertDef("wg.decryption_unsupported",
            "Decryption unsupported (disable FIPS mode or upgrade Libgcrypt to 1.10.0 or higher)",
            ExpertDef.Group.UNDECODED, ExpertDef.Severity.WARN);

    /** Message lengths the heuristic accepts; transport data is at least its header and tag. */
    static final int INITIATION_LENGTH = 148;
    static final int RESPONSE_LENGTH = 92;
    static final int COOKIE_REPLY_LENGTH = 64;
    static final int TRANSPORT_DATA_MIN = 32;
    private static final int KEY_LENGTH = 32;
    private static final int TAG_LENGTH = 16;

    @Override
    public String name() {
        return "wg";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(KEEPALIVE, BAD_PACKET_LENGTH, DECRYPTION_ERROR, DECRYPTION_UNSUPPORTED));
        r.handle(HANDLE, PROTO, this::dissectConversation);
    }

    @Override
    public void handoff(Tables t) {
        t.heuristics("udp").add("wg", PROTO, this::heuristic, true);
    }

    /** Whether a message of {@code type} may be {@code length} bytes long (the heuristic's test). */
    static boolean validLength(int type, int length) {
        return switch (type) {
            case INITIATION -> length == INITIATION_LENGTH;
            case RESPONSE -> length == RESPONSE_LENGTH;
            case COOKIE_REPLY -> length == COOKIE_REPLY_LENGTH;
            case TRANSPORT_DATA -> length >= TRANSPORT_DATA_MIN;
            default -> false;
        };
    }

    /**
     * The {@code udp} heuristic: a message of its type's length; a cookie reply or transport data also
     * needs zero reserved bytes (tshark takes handshake messages whatever their reserved bytes), unless
     * a second pass knows its conversation as WireGuard's from a later initiation.
     */
    private boolean heuristic(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (tvb.length() < 1) {
            return false;
        }
        int type = tvb.u8(0);
        if (!validLength(type, tvb.reportedLength())) {
            return false;
        }
        if (type != INITIATION && type != RESPONSE && (!tvb.has(1, 3) || tvb.u24(1) != 0)
                && !WgSessions.knownConversation(pinfo)) {
            return false;
        }
        dissect(tvb, pinfo, tree);
        return true;
    }

    /**
     * A packet of a UDP conversation a handshake initiation made WireGuard's (tshark sets the
     * conversation's dissector): any message of its type's length, whatever its reserved bytes.
     */
    private int dissectConversation(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (tvb.length() < 1 || !validLength(tvb.u8(0), tvb.reportedLength())) {
            return 0;
        }
        return dissect(tvb, pinfo, tree);
    }

    /** A sender or receiver index as tshark's Info shows it: upper-case hex, eight digits. */
    static String indexText(long index) {
        return String.format(Locale.ROOT, "0x%08X", index);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("WireGuard");
        cols.clearInfo();
        int type = tvb.u8(0);
        ProtoItem wg = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        wg.add(TYPE, tvb, 0, 1);
        wg.add(RESERVED, tvb, 1, 3);
        switch (type) {
            case INITIATION -> initiation(tvb, pinfo, wg);
            case RESPONSE -> response(tvb, pinfo, wg);
            case COOKIE_REPLY -> cookieReply(tvb, pinfo, wg);
            default -> transportData(tvb, pinfo, wg);
        }
        return tvb.length();
    }

    private static void initiation(Tvb tvb, PacketInfo pinfo, ProtoItem wg) {
        WgSessions.claimConversation(pinfo);
        info(pinfo, "Handshake Initiation");
        long sender = index(tvb, pinfo, wg, SENDER, 4, ", sender=");
        ephemeral(tvb, wg, 8);
        none(wg, ENCRYPTED_STATIC, tvb, 40, 48);
        none(wg, ENCRYPTED_TIMESTAMP, tvb, 88, 28);
        wg.add(MAC1, tvb, 116, 16);
        wg.add(MAC2, tvb, 132, 16);
        WgSessions.initiation(pinfo, wg, tvb, sender);
    }

    private static void response(Tvb tvb, PacketInfo pinfo, ProtoItem wg) {
        info(pinfo, "Handshake Response");
        long sender = index(tvb, pinfo, wg, SENDER, 4, ", sender=");
        long receiver = index(tvb, pinfo, wg, RECEIVER, 8, ", receiver=");
        ephemeral(tvb, wg, 12);
        none(wg, ENCRYPTED_EMPTY, tvb, 44, 16);
        wg.add(MAC1, tvb, 60, 16);
        wg.add(MAC2, tvb, 76, 16);
        WgSessions.response(pinfo, wg, tvb, sender, receiver, true);
    }

    private static void cookieReply(Tvb tvb, PacketInfo pinfo, ProtoItem wg) {
        info(pinfo, "Cookie Reply");
        long receiver = index(tvb, pinfo, wg, RECEIVER, 4, ", receiver=");
        wg.add(NONCE, tvb, 8, 24);
        wg.add(ENCRYPTED_COOKIE, tvb, 32, 32);
        WgSessions.response(pinfo, wg, tvb, 0, receiver, false);
    }

    /**
     * Transport data, its Info written as tshark writes it, piece by piece: a keepalive by its length
     * on the wire, the data length (when not 0) from what was captured; when less than the tag was
     * captured, tshark notes the packet as too small and stops there.
     */
    private static void transportData(Tvb tvb, PacketInfo pinfo, ProtoItem wg) {
        boolean keepalive = tvb.reportedLength() == TRANSPORT_DATA_MIN;
        info(pinfo, keepalive ? "Keepalive" : "Transport Data");
        long receiver = index(tvb, pinfo, wg, RECEIVER, 4, ", receiver=");
        long counter = tvb.u64le(8);
        wg.addLE(COUNTER, tvb, 8, 8);
        appendInfo(pinfo, ", counter=" + Long.toUnsignedString(counter));
        int captured = tvb.length() - 16;
        if (captured < TAG_LENGTH) {
            wg.addText(tvb, 16, captured, BAD_PACKET_LENGTH.summary()).expert(BAD_PACKET_LENGTH);
            return;
        }
        int dataLength = captured - TAG_LENGTH;
        if (dataLength > 0) {
            appendInfo(pinfo, ", datalen=" + dataLength);
        }
        ProtoItem packet = wg.add(ENCRYPTED_PACKET, tvb, 16, captured);
        if (dataLength == 0) {
            packet.expert(KEEPALIVE); // on the WireGuard item when the tree leaves the packet out (filters)
        }
        WgSessions.transportData(pinfo, wg, tvb, receiver);
    }

    /**
     * Adds a node without a value (an encrypted part): as in tshark it may run past the captured bytes,
     * but not start past them.
     */
    private static void none(ProtoItem wg, FieldDef field, Tvb tvb, int off, int len) {
        if (off > tvb.length()) {
            tvb.u8(off); // throws the short-packet error
        }
        wg.add(field, tvb, off, len);
    }

    /** Adds a sender or receiver index and its part of Info ({@code label} and upper-case hex). */
    private static long index(Tvb tvb, PacketInfo pinfo, ProtoItem wg, FieldDef field, int off, String label) {
        long value = tvb.u32le(off);
        wg.addLE(field, tvb, off, 4);
        appendInfo(pinfo, label + indexText(value));
        return value;
    }

    private static void info(PacketInfo pinfo, String text) {
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo(text);
        }
    }

    private static void appendInfo(PacketInfo pinfo, String text) {
        if (pinfo.columns().enabled()) {
            pinfo.columns().appendInfo(text);
        }
    }

    /**
     * The ephemeral key in base64, and tshark's note that its private key is unknown; tshark places
     * that note as far into the message as the key is into the frame.
     */
    private static void ephemeral(Tvb tvb, ProtoItem wg, int off) {
        byte[] key = tvb.bytes(off, KEY_LENGTH);
        ProtoItem item = wg.addString(EPHEMERAL, tvb, off, KEY_LENGTH, Base64.getEncoder().encodeToString(key));
        if (item != wg) {
            ProtoItem known = item.addBool(EPHEMERAL_KNOWN_PRIVKEY, tvb, off + tvb.start(), 0, false);
            if (known != item) {
                known.setGenerated();
            }
        }
    }
}
