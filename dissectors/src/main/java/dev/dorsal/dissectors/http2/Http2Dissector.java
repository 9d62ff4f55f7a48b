package dev.dorsal.dissectors.http2;

import dev.dorsal.dissectors.tcp.TcpPdus;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads HTTP/2 (RFC 9113) from a TCP stream or decrypted TLS: the connection preface ("Magic") and
 * frames, each a 9-octet header (length, type, flags, stream id) and its payload, one {@code HyperText
 * Transfer Protocol 2} tree per frame, several per packet. A frame cut at the end of the data is asked
 * for through the desegmentation contract (TCP's, or TLS's over decrypted records), so it is dissected
 * whole in the packet that completes it. Info lists the frames, {@code TYPE[stream]}, with the request
 * or status line of header blocks ({@code HEADERS[1]: GET /}); Protocol is {@code HTTP2}.
 *
 * <pre>
 *  +-----------------------------------------------+
 *  |                 Length (24)                   |
 *  +---------------+---------------+---------------+
 *  |   Type (8)    |   Flags (8)   |
 *  +-+-------------+---------------+-------------------------------+
 *  |R|                 Stream Identifier (31)                      |
 *  +=+=============================================================+
 *  |                   Frame Payload (0...)                      ...
 * </pre>
 *
 * Filter prefix {@code http2}; payloads in {@link Http2Data}, {@link Http2HeaderBlock}, {@link Http2Settings}
 * and {@link Http2Control}.
 */
final class Http2Dissector {
    static final ProtocolDef PROTO = new ProtocolDef("HyperText Transfer Protocol 2", "HTTP2", "http2");

    static final int DATA = 0;
    static final int HEADERS = 1;
    static final int PRIORITY = 2;
    static final int RST_STREAM = 3;
    static final int SETTINGS = 4;
    static final int PUSH_PROMISE = 5;
    static final int PING = 6;
    static final int GOAWAY = 7;
    static final int WINDOW_UPDATE = 8;
    static final int CONTINUATION = 9;
    static final int ALTSVC = 10;
    static final int BLOCKED = 11;
    static final int ORIGIN = 12;
    static final int PRIORITY_UPDATE = 16;

    static final ValueString TYPES = ValueString.of(DATA, "DATA", HEADERS, "HEADERS", PRIORITY, "PRIORITY",
            RST_STREAM, "RST_STREAM", SETTINGS, "SETTINGS", PUSH_PROMISE, "PUSH_PROMISE", PING, "PING",
            GOAWAY, "GOAWAY", WINDOW_UPDATE, "WINDOW_UPDATE", CONTINUATION, "CONTINUATION", ALTSVC, "ALTSVC",
            BLOCKED, "BLOCKED", ORIGIN, "ORIGIN", PRIORITY_UPDATE, "PRIORITY_UPDATE");

    static final FieldDef STREAM = FieldDef.none("http2.stream", "Stream");
    static final FieldDef LENGTH = FieldDef.uint24("http2.length", "Length");
    static final FieldDef TYPE = FieldDef.uint8("http2.type", "Type").vals(TYPES);
    static final FieldDef RESERVED = FieldDef.uint32("http2.r", "Reserved").hex().mask(0x80000000L);
    static final FieldDef STREAM_ID = FieldDef.uint32("http2.streamid", "Stream Identifier").mask(0x7fffffffL);
    static final FieldDef MAGIC = FieldDef.string("http2.magic", "Magic");

    static final List<FieldDef> FIELDS = List.of(STREAM, LENGTH, TYPE, RESERVED, STREAM_ID, MAGIC);

    /** The connection preface a client sends first (RFC 9113 §3.4). */
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    static final int FRAME_HEADER = 9;

    /** Each frame through a protocol-less handle: a malformed one is marked and the next still read. */
    private static final DissectorHandle FRAME = new DissectorHandle("http2.frame", null, Http2Dissector::frame);

    private Http2Dissector() {}

    /** Dissects the frames of {@code tvb}; the connection is HTTP/2 from now on. */
    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Http2Sessions.of(pinfo, true);
        // What TCP or TLS wrote goes; frames then add to Info one after the other (a second call in
        // the same packet, after a reassembled frame, finds the first call's text fenced by TCP).
        pinfo.columns().clearInfo();
        int ownLayer = pinfo.layerNames().size() - 1;
        int n = TcpPdus.dissect(tvb, pinfo, tree, true, FRAME_HEADER, Http2Dissector::pduLength,
                (pdu, p, t) -> p.call(FRAME, pdu, t));
        if (pinfo.desegmentLength() != 0 && pinfo.desegmentOffset() == 0) {
            // Only part of a frame yet: as tshark, HTTP/2 is not among this frame's protocols.
            pinfo.removeLayers(ownLayer);
        }
        return n;
    }

    /** The preface's length where it starts, else the frame's: its payload length and the 9-octet header. */
    private static int pduLength(Tvb tvb, int offset, PacketInfo pinfo) {
        if (startsWithPreface(tvb, offset)) {
            return PREFACE.length;
        }
        return tvb.u24(offset) + FRAME_HEADER;
    }

    /** Whether the whole connection preface is at {@code offset}. */
    static boolean startsWithPreface(Tvb tvb, int offset) {
        if (!tvb.has(offset, PREFACE.length)) {
            return false;
        }
        for (int i = 0; i < PREFACE.length; i++) {
            if (tvb.u8(offset + i) != (PREFACE[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** One frame (or the preface), whole or as much as there is, in {@code tvb}. */
    private static int frame(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("HTTP2");
        ProtoItem proto = tree.addProtocol(PROTO, tvb, 0, tvb.reportedLength());
        if (startsWithPreface(tvb, 0)) {
            ProtoItem stream = proto.add(STREAM, tvb, 0, PREFACE.length).appendText(": Magic");
            stream.addString(MAGIC, tvb, 0, PREFACE.length, tvb.ascii(0, PREFACE.length));
            pinfo.columns().appendInfoSep(", ", "Magic");
            return tvb.length();
        }
        ProtoItem stream = proto.add(STREAM, tvb, 0, tvb.reportedLength());
        stream.add(LENGTH, tvb, 0, 3);
        int length = tvb.u24(0);
        stream.add(TYPE, tvb, 3, 1);
        int type = tvb.u8(3);
        int flags = Http2Flags.add(stream, tvb, type);
        stream.add(RESERVED, tvb, 5, 4);
        stream.add(STREAM_ID, tvb, 5, 4);
        long id = tvb.u32(5) & 0x7fffffffL;
        String name = typeName(type);
        stream.appendText(": " + name + ", Stream ID: " + id + ", Length " + length);
        pinfo.columns().appendInfoSep(", ", name + "[" + id + "]");
        Http2Sessions.Session session = Http2Sessions.of(pinfo, true);
        Frame f = new Frame(tvb, pinfo, proto, stream, length, type, flags, id,
                Http2Sessions.direction(pinfo, session));
        switch (type) {
            case DATA -> Http2Data.dissect(f);
            case HEADERS, PUSH_PROMISE, CONTINUATION -> Http2HeaderBlock.dissect(f);
            case SETTINGS -> Http2Settings.dissect(f);
            default -> Http2Control.dissect(f);
        }
        return tvb.length();
    }

    /** The frame type as the Stream label and Info name it: {@code HEADERS}, or {@code Unknown type (32)}. */
    static String typeName(int type) {
        String name = TYPES.name(type);
        return name != null ? name : "Unknown type (" + type + ")";
    }

    /** A frame being dissected: its view (header at 0, payload from 9), trees, header values and connection state. */
    record Frame(Tvb tvb, PacketInfo pinfo, ProtoItem proto, ProtoItem stream, int length, int type, int flags,
            long streamId, Http2Sessions.Direction direction) {
        boolean flag(int mask) {
            return (flags & mask) != 0;
        }
    }
}
