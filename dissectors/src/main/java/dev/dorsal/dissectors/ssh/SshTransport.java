package dev.dorsal.dissectors.ssh;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TruncatedException;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads SSH-2 binary packets (RFC 4253 section 6) until the end of the payload: in clear while a side
 * is in its key exchange (from its KEXINIT to its NEWKEYS), else as {@link SshEncrypted} packets.
 * Each packet gets an "SSH Version 2" subtree naming the algorithms chosen for its side.
 *
 * <pre>
 *   uint32 packet_length | byte padding_length | payload (code + fields) | padding | MAC
 * </pre>
 *
 * <p>A packet cut by the segment end is left to TCP (asking for the exact missing length, or "one
 * more segment" when not even the length is there). A length of 0xffff or more is flagged and
 * replaced by what is left, and a padding longer than the packet makes the payload length negative,
 * which marks the packet malformed where tshark does.
 */
final class SshTransport {
    static final FieldDef PACKET_LENGTH = FieldDef.uint32("ssh.packet_length", "Packet Length");
    static final FieldDef PADDING_LENGTH = FieldDef.uint8("ssh.padding_length", "Padding Length");
    static final FieldDef PAYLOAD = FieldDef.bytes("ssh.payload", "Payload");
    static final FieldDef PADDING_STRING = FieldDef.bytes("ssh.padding_string", "Padding String");
    static final FieldDef SEQ_NUM = FieldDef.uint32("ssh.seq_num", "Sequence number");
    static final FieldDef MESSAGE_CODE = FieldDef.uint8("ssh.message_code", "Message Code").vals(SshValues.MESSAGES);

    static final List<FieldDef> FIELDS = List.of(PACKET_LENGTH, PADDING_LENGTH, PAYLOAD, PADDING_STRING, SEQ_NUM,
            MESSAGE_CODE);

    static final ExpertDef PACKET_LENGTH_ERROR = new ExpertDef("ssh.packet_length.error", "Overly large number",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef PACKET_DECODE_ERROR = new ExpertDef("ssh.packet_decode.error",
            "Packet decoded length not equal to packet length", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    static final int KEXINIT = 20;
    static final int NEWKEYS = 21;

    private SshTransport() {}

    /** Reads packets from {@code offset} to the end of the captured bytes; returns where it stopped. */
    static int packets(SshContext ctx, ProtoItem ssh, int offset) {
        Tvb tvb = ctx.tvb;
        SshPeer peer = ctx.peer;
        while (tvb.remaining(offset) > 0) {
            int last = offset;
            ProtoItem tree = subtree(ssh, tvb, offset, -1, ssh.tree().detailed() ? title(peer) : null);
            boolean keyExchange = peer.frameKeyStart == 0 || (peer.frameKeyStart <= ctx.frame
                    && (peer.frameKeyEnd == 0 || ctx.frame < peer.frameKeyEnd
                    || (ctx.frame == peer.frameKeyEnd && offset < peer.frameKeyEndOffset)));
            offset = keyExchange ? keyExchangePacket(ctx, tree, offset) : SshEncrypted.packet(ctx, tree, offset);
            if (ctx.needMore) {
                break;
            }
            if (tree != ssh) {
                tree.setLength(offset - last);
            }
            if (offset <= last) {
                break;
            }
        }
        return offset;
    }

    /** "SSH Version 2", with the side's encryption, MAC and compression once chosen. */
    private static String title(SshPeer peer) {
        if (peer.enc == null && peer.mac == null && peer.comp == null) {
            return "SSH Version 2";
        }
        StringBuilder sb = new StringBuilder("SSH Version 2 (");
        if (peer.enc != null) {
            sb.append("encryption:").append(peer.enc).append(peer.mac != null || peer.comp != null ? " " : "");
        }
        if (peer.mac != null) {
            sb.append("mac:").append(peer.mac).append(peer.comp != null ? " " : "");
        }
        if (peer.comp != null) {
            sb.append("compression:").append(peer.comp);
        }
        return sb.append(')').toString();
    }

    /** A packet in clear: framing, then the key exchange message it carries. */
    private static int keyExchangePacket(SshContext ctx, ProtoItem tree, int offset) {
        Tvb tvb = ctx.tvb;
        SshPeer peer = ctx.peer;
        int start = offset;
        int remain = SshContext.ensureRemaining(tvb, offset);
        if (ctx.desegment && remain < 4) {
            ctx.askMore(offset, PacketInfo.ONE_MORE_SEGMENT);
            return offset;
        }
        long plen = tvb.u32(offset);
        if (ctx.desegment && ((plen + 4) & 0xffffffffL) > remain) {
            ctx.askMore(offset, (int) (plen + 4 - remain));
            return offset;
        }
        ProtoItem lengthItem = tree.addUint(PACKET_LENGTH, tvb, offset, 4, plen);
        if (plen >= 0xffff) {
            String msg = "Overly large number " + (int) plen;
            if (lengthItem != tree) {
                lengthItem.expert(PACKET_LENGTH_ERROR, msg);
            } else {
                tree.expert(PACKET_LENGTH_ERROR, msg);
            }
            plen = remain - 4;
        }
        offset += 4;
        int padding = tvb.u8(offset);
        tree.addUint(PADDING_LENGTH, tvb, offset, 1, padding);
        offset += 1;
        ProtoItem kex = subtree(tree, tvb, offset, (int) plen - 1,
                ctx.conv.kex == null ? "Key Exchange" : "Key Exchange (method:" + ctx.conv.kex + ")");
        int code = tvb.u8(offset);
        int seq = 0;
        if (code >= 30 && code < 40) {
            SshKex.Result r = SshKex.methodMessage(ctx, kex, offset, code);
            offset = r.offset();
            seq = r.seq();
        } else {
            kex.add(MESSAGE_CODE, tvb, offset, 1);
            offset += 1;
            ctx.info(SshValues.name(SshValues.MESSAGES, code));
            if (code == KEXINIT) {
                offset = SshKexInit.dissect(ctx, kex, offset);
                if (peer.frameKeyStart == 0 || peer.frameKeyStart == ctx.frame) {
                    if (!ctx.visited) {
                        peer.frameKeyStart = ctx.frame;
                        if (peer.seqKexInit == 0) {
                            peer.seqKexInit = peer.sequenceNumber++;
                        }
                    }
                }
                seq = peer.seqKexInit;
            } else if (code == NEWKEYS) {
                if (peer.frameKeyEnd == 0) {
                    peer.frameKeyEnd = ctx.frame;
                    peer.frameKeyEndOffset = offset;
                    if (peer.seqNewKeys == 0) {
                        peer.seqNewKeys = peer.sequenceNumber++;
                    }
                    // The cipher chosen at the key exchange reply, if any, starts here.
                    peer.cipher = peer.cipherKind == null ? null : new SshCipher(peer.cipherKind);
                }
                seq = peer.seqNewKeys;
            }
        }
        long len = (plen + 4 - padding - (offset - start)) & 0xffffffffL;
        if (len != 0) {
            kex.add(PAYLOAD, tvb, offset, itemLength(tvb, offset, len));
        }
        offset += (int) len;
        tree.add(PADDING_STRING, tvb, offset, padding);
        offset += padding;
        tree.addUint(SEQ_NUM, tvb, offset, 0, Integer.toUnsignedLong(seq));
        return offset;
    }

    /**
     * The length an item of {@code len} bytes (an unsigned 32-bit count read from the packet) gets as
     * tshark's signed item length: -1 means "to the end", other negative values are malformed (tshark's
     * proto_tree_add_item), and a length running past the largest offset is a bounds error.
     */
    static int itemLength(Tvb tvb, int offset, long len) {
        int n = (int) len;
        if (n == -1) {
            return tvb.remaining(offset);
        }
        if (n < -1) {
            throw new MalformedException("item length " + n);
        }
        if ((long) offset + n > Integer.MAX_VALUE) {
            throw new TruncatedException("item length " + n + " wraps past the largest offset");
        }
        return n;
    }

    /**
     * The same for bytes tshark fetches rather than shows (tvb_get_ptr, tvb_memcpy, strings it reads):
     * there a negative length other than -1 is only a bounds error ("Packet size limited during
     * capture"), as is a length running past the largest offset.
     */
    static int fetchLength(Tvb tvb, int offset, long len) {
        int n = (int) len;
        if (n == -1) {
            return tvb.remaining(offset);
        }
        if (n < -1 || (long) offset + n > Integer.MAX_VALUE) {
            throw new TruncatedException("fetch length " + n);
        }
        return n;
    }

    /**
     * A text subtree as tshark adds one: -1 runs to the end of the captured bytes; other lengths must
     * be captured (tvb_ensure_bytes_exist): a truncation error within the packet, malformed past it.
     */
    static ProtoItem subtree(ProtoItem parent, Tvb tvb, int offset, int length, String title) {
        int n = length == -1 ? tvb.remaining(offset) : length;
        if (n < 0) {
            throw new MalformedException("subtree " + offset + "+" + n);
        }
        if ((long) offset + n > Integer.MAX_VALUE) {
            throw new TruncatedException("subtree " + offset + "+" + n + " wraps past the largest offset");
        }
        if (!tvb.has(offset, n)) {
            tvb.bytes(offset, n);
        }
        return parent.addText(tvb, offset, n, title);
    }
}
