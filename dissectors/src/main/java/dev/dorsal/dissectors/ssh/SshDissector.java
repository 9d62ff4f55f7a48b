package dev.dorsal.dissectors.ssh;

import dev.dorsal.dissectors.dns.StringErrors;
import dev.dorsal.dissectors.tcp.TcpPdus;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads an SSH byte stream (RFC 4253; filter prefix {@code ssh}; TCP ports 22 and 29418, see
 * {@link SshProvider}) as tshark 4.0.17 does: each side's protocol version line, then binary packets,
 * SSH-1 or SSH-2 as the client's version line says. The side sending from the matched port is the
 * server; Info starts with "Client: " or "Server: " and lists every message of the payload.
 *
 * <pre>
 *   SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n                         version line (ssh.protocol)
 *   | packet_length (4) | padding_length (1) | payload | padding | MAC |   binary packet
 * </pre>
 *
 * <p>Version lines and packets cut by a segment end are left to TCP to reassemble; a version line
 * without its newline asks for a length tshark computes as negative, so TCP gives up on it and the
 * next segment starts afresh (as in tshark). Until the client's version line is seen the protocol
 * is unknown and every packet is shown as encrypted. Packets after a side's NEWKEYS are encrypted
 * ({@link SshEncrypted}). SSH-1 packets are shown with tshark's fixed padding rule.
 */
final class SshDissector {
    static final ProtocolDef PROTO = new ProtocolDef("SSH Protocol", "SSH", "ssh");

    static final FieldDef PROTOCOL = FieldDef.string("ssh.protocol", "Protocol");
    static final FieldDef DIRECTION = FieldDef.bool("ssh.direction", "Direction").blurb("Message direction");
    static final FieldDef V1_MESSAGE_CODE = FieldDef.uint8("ssh.message_code", "Message Code")
            .vals(SshValues.SSH1_MESSAGES);

    static final List<FieldDef> FIELDS = List.of(PROTOCOL, DIRECTION, V1_MESSAGE_CODE);

    private SshDissector() {}

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        boolean fromServer = pinfo.dstPort() != TcpPdus.matchedPort(pinfo);
        SshConversation.Registry registry = SshConversation.registry(pinfo);
        SshContext ctx = new SshContext(tvb, pinfo, registry, registry.find(pinfo), fromServer, tree.tree());
        SshPeer peer = ctx.peer;
        Columns cols = pinfo.columns();
        ProtoItem ssh = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        cols.setProtocol(switch (ctx.version) {
            case SshConversation.VERSION_1 -> "SSHv1";
            case SshConversation.VERSION_2 -> "SSHv2";
            default -> "SSH";
        });
        cols.clearInfo();

        int offset = 0;
        while (tvb.reportedLength() - offset > 0) {
            boolean afterVersionStart = peer.frameVersionStart == 0 || ctx.frame >= peer.frameVersionStart;
            boolean beforeVersionEnd = peer.frameVersionEnd == 0 || ctx.frame <= peer.frameVersionEnd;
            int last = offset;
            if (afterVersionStart && beforeVersionEnd && startsWith(tvb, offset, "SSH-")) {
                if (peer.frameVersionStart == 0) {
                    peer.frameVersionStart = ctx.frame;
                }
                offset = versionLine(ctx, ssh, offset);
                if (!ctx.needMore) {
                    peer.frameVersionEnd = ctx.frame;
                    ctx.conv.version = ctx.version;
                }
            } else {
                offset = switch (ctx.version) {
                    case SshConversation.VERSION_1 -> ssh1(ctx, ssh, offset);
                    case SshConversation.VERSION_2 -> SshTransport.packets(ctx, ssh, offset);
                    default -> SshEncrypted.packet(ctx, ssh, offset);
                };
            }
            if (ctx.needMore) {
                return tvb.length();
            }
            if (offset <= last) {
                break;
            }
        }
        cols.prependInfo(fromServer ? "Server: " : "Client: ");
        ProtoItem direction = ssh.addBool(DIRECTION, tvb, 0, 0, fromServer);
        if (direction != ssh) {
            direction.setText("Direction: " + (fromServer ? "server-to-client" : "client-to-server"));
            direction.setGenerated();
        }
        return tvb.length();
    }

    /**
     * The version line at {@code offset} (RFC 4253 section 4.2), up to its LF; a CR before the LF is
     * not part of the shown value. Without an LF, asks TCP for more when it can, else takes the rest.
     */
    private static int versionLine(SshContext ctx, ProtoItem ssh, int offset) {
        Tvb tvb = ctx.tvb;
        if (!ctx.fromServer) {
            // Only the client's line decides the version (tshark's rule), SSH-1.99 meaning "2 or 1".
            if (startsWith(tvb, offset, "SSH-2.") || startsWith(tvb, offset, "SSH-1.99-")) {
                ctx.version = SshConversation.VERSION_2;
            } else if (startsWith(tvb, offset, "SSH-1.")) {
                ctx.version = SshConversation.VERSION_1;
            }
        }
        int remain = SshContext.ensureRemaining(tvb, offset);
        int newline = tvb.indexOf(offset, (byte) '\n');
        if (ctx.desegment && newline == -1) {
            // tshark asks for "newline - remaining" bytes, -1 - remaining here: see the class comment.
            ctx.askMore(offset, -1 - remain);
            return offset;
        }
        int lineLength;
        int valueLength;
        if (newline == -1) {
            lineLength = remain;
            valueLength = remain;
        } else {
            lineLength = newline - offset + 1;
            valueLength = lineLength > 1 && tvb.u8(offset + lineLength - 2) == '\r' ? lineLength - 2 : lineLength - 1;
        }
        if (ctx.pinfo.columns().enabled()) {
            ctx.info("Protocol (" + FormatText.format(tvb.backingArray(), tvb.start() + offset, valueLength) + ")");
        }
        string(ssh, PROTOCOL, tvb, offset, valueLength);
        return offset + lineLength;
    }

    /**
     * An SSH-1 packet as tshark 4.0.17 shows it: the padding is taken as {@code 8 - length % 8} bytes
     * shown as the padding length, and only a side's first packet (frame) shows its message code.
     */
    private static int ssh1(SshContext ctx, ProtoItem ssh, int offset) {
        Tvb tvb = ctx.tvb;
        SshPeer peer = ctx.peer;
        ProtoItem tree = ssh.addText(tvb, offset, tvb.remaining(offset), "SSH Version 1");
        int remain = SshContext.ensureRemaining(tvb, offset);
        if (ctx.desegment && remain < 4) {
            ctx.askMore(offset, PacketInfo.ONE_MORE_SEGMENT);
            return offset;
        }
        long plen = tvb.u32(offset);
        int padding = (int) (8 - plen % 8);
        if (ctx.desegment && plen + 4 + padding > remain) {
            // tshark leaves the 4 length bytes out of what it asks for.
            ctx.askMore(offset, (int) (plen + padding - remain));
            return offset;
        }
        if (plen >= 0xffff) {
            ProtoItem len = tree.addUint(SshTransport.PACKET_LENGTH, tvb, offset, 4, plen);
            if (len != tree) {
                len.setText(String.format("Overly large length %x", plen));
            }
            plen = (remain - 4 - padding) & 0xffffffffL;
        } else if (plen > 0) {
            tree.addUint(SshTransport.PACKET_LENGTH, tvb, offset, 4, plen);
        }
        offset += 4;
        tree.addUint(SshTransport.PADDING_LENGTH, tvb, offset, padding, padding);
        offset += padding;
        int len;
        if (peer.frameKeyStart == 0 || (peer.frameKeyStart >= ctx.frame && ctx.frame <= peer.frameKeyEnd)) {
            int code = tvb.u8(offset);
            tree.add(V1_MESSAGE_CODE, tvb, offset, 1);
            ctx.info(SshValues.name(SshValues.SSH1_MESSAGES, code));
            offset += 1;
            len = (int) plen - 1;
            if (!ctx.visited) {
                if (peer.frameKeyStart == 0) {
                    peer.frameKeyStart = ctx.frame;
                }
                peer.frameKeyEnd = ctx.frame;
            }
        } else {
            len = (int) plen;
            ctx.info("Encrypted packet (len=" + len + ")");
        }
        tree.add(SshTransport.PAYLOAD, tvb, offset, len);
        return offset + len;
    }

    /** Case-insensitive match of {@code prefix} at {@code offset}; false when fewer bytes are captured. */
    static boolean startsWith(Tvb tvb, int offset, String prefix) {
        if (!tvb.has(offset, prefix.length())) {
            return false;
        }
        byte[] d = tvb.backingArray();
        int base = tvb.start() + offset;
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < p.length; i++) {
            if (Character.toLowerCase(d[base + i]) != Character.toLowerCase(p[i])) {
                return false;
            }
        }
        return true;
    }

    /** Adds an ASCII string field read from the bytes, flagged when characters follow a NUL in it. */
    static ProtoItem string(ProtoItem tree, FieldDef field, Tvb tvb, int offset, int length) {
        return string(tree, field, tvb, offset, length, false);
    }

    /**
     * Adds a string field read from the bytes as ASCII or (the few fields tshark reads so) UTF-8,
     * flagged when characters follow a NUL in it.
     */
    static ProtoItem string(ProtoItem tree, FieldDef field, Tvb tvb, int offset, int length, boolean utf8) {
        if (length > 0 && !tvb.has(offset, length)) {
            tvb.bytes(offset, length);
        }
        String value;
        if (utf8) {
            String s = length > 0 ? tvb.utf8(offset, length) : "";
            int nul = s.indexOf('\0');
            value = nul >= 0 ? s.substring(0, nul) : s;
        } else {
            value = AsciiText.of(tvb, offset, length);
        }
        ProtoItem item = tree.addString(field, tvb, offset, length, value);
        if (item != tree && AsciiText.strayAfterNul(tvb, offset, length)) {
            item.expert(StringErrors.TRAILING_STRAY);
        }
        return item;
    }
}
