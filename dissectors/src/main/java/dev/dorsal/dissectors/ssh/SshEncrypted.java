package dev.dorsal.dissectors.ssh;

import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TruncatedException;
import dev.dorsal.engine.spi.Tvb;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Shows the packets a side sends after its NEWKEYS (or before the protocol version is known) the way
 * tshark 4.0.17 does without keys. When tshark recognises the cipher it "decrypts" with all-zero keys
 * ({@link SshCipher}) and dissects what comes out ({@link SshMessages}); otherwise the rest of the
 * payload is one "Encrypted packet (len=N)": the length word (in clear for encrypt-then-MAC), the
 * encrypted bytes and the MAC, when its length is known.
 *
 * <p>Decryption limits are tshark's: a decrypted length over 32768 ends the payload's dissection with
 * nothing shown (ChaCha20 and CBC/CTR, where the length is encrypted), and a CBC/CTR packet longer
 * than the payload shows nothing either (no reassembly of encrypted packets).
 */
final class SshEncrypted {
    static final FieldDef PACKET_LENGTH_ENCRYPTED = FieldDef.bytes("ssh.packet_length_encrypted",
            "Packet Length (encrypted)");
    static final FieldDef ENCRYPTED_PACKET = FieldDef.bytes("ssh.encrypted_packet", "Encrypted Packet");
    static final FieldDef MAC = FieldDef.bytes("ssh.mac", "MAC").blurb("Message authentication code");
    static final FieldDef MAC_STATUS = FieldDef.uint8("ssh.mac.status", "MAC Status")
            .base(Base.NONE).vals(SshValues.MAC_STATUS);

    static final List<FieldDef> FIELDS = List.of(PACKET_LENGTH_ENCRYPTED, ENCRYPTED_PACKET, MAC, MAC_STATUS);

    static final ExpertDef MAC_BAD = new ExpertDef("ssh.mac_bad.expert", "Bad MAC", ExpertDef.Group.CHECKSUM,
            ExpertDef.Severity.ERROR);

    /** Largest decrypted length tshark accepts from ChaCha20 or CBC/CTR. */
    private static final long MAX_LENGTH = 32768;

    private SshEncrypted() {}

    /** The packet at {@code offset}: decrypted when the side has a cipher, else shown encrypted. */
    static int packet(SshContext ctx, ProtoItem tree, int offset) {
        SshCipher cipher = ctx.peer.cipher;
        if (cipher == null) {
            return opaque(ctx, tree, offset);
        }
        return switch (cipher.kind) {
            case CHACHA20 -> chacha(ctx, tree, offset);
            case AES128_GCM, AES256_GCM -> gcm(ctx, tree, offset, cipher);
            default -> blocks(ctx, tree, offset, cipher);
        };
    }

    /** The rest of the payload as one encrypted packet. */
    private static int opaque(SshContext ctx, ProtoItem tree, int offset) {
        Tvb tvb = ctx.tvb;
        SshPeer peer = ctx.peer;
        int len = tvb.reportedLength() - offset;
        ctx.info("Encrypted packet (len=" + len + ")");
        if (!ctx.tsharkTree) {
            // tshark adds these items only to a tree it builds, so their length checks only fail then.
            return offset + len;
        }
        int encrypted = len;
        if (len > 4 && peer.lengthIsPlaintext) {
            tree.addUint(SshTransport.PACKET_LENGTH, tvb, offset, 4, tvb.u32(offset));
            encrypted -= 4;
        } else if (len > 4) {
            tree.add(PACKET_LENGTH_ENCRYPTED, tvb, offset, 4);
            encrypted -= 4;
        }
        if (peer.macLength > 0) {
            encrypted -= peer.macLength;
        }
        tree.add(ENCRYPTED_PACKET, tvb, offset + 4, SshTransport.itemLength(tvb, offset + 4, encrypted));
        if (peer.macLength > 0) {
            tree.add(MAC, tvb, offset + 4 + encrypted, peer.macLength);
        }
        return offset + len;
    }

    private static SshConversation.Record record(SshContext ctx, Tvb tvb, int offset) {
        return ctx.conv.record(ctx.registry, ctx.frame, tvb.start() + offset, ctx.peer);
    }

    private static int chacha(SshContext ctx, ProtoItem tree, int offset) {
        Tvb tvb = ctx.tvb;
        SshConversation.Record rec = record(ctx, tvb, offset);
        byte[] encLength = tvb.bytes(offset, 4);
        byte[] length = SshCipher.chacha(rec.sequenceNumber, 0, encLength, 0, 4);
        long msgLen = u32(length, 0);
        if (msgLen > MAX_LENGTH) {
            return tvb.length();
        }
        int n = (int) msgLen;
        byte[] encBody = tvb.bytes(offset + 4, n);
        byte[] plain = Arrays.copyOf(length, n + 4);
        System.arraycopy(SshCipher.chacha(rec.sequenceNumber, 1, encBody, 0, n), 0, plain, 4, n);
        tvb.bytes(offset + 4 + n, 16);
        byte[] authenticated = Arrays.copyOf(encLength, n + 4);
        System.arraycopy(encBody, 0, authenticated, 4, n);
        rec.plain = plain;
        rec.calcMac = SshCipher.poly1305(rec.sequenceNumber, authenticated);
        return decrypted(ctx, tree, offset, rec, 16);
    }

    private static int gcm(SshContext ctx, ProtoItem tree, int offset, SshCipher cipher) {
        Tvb tvb = ctx.tvb;
        SshPeer peer = ctx.peer;
        SshConversation.Record rec = record(ctx, tvb, offset);
        long msgLen = tvb.u32(offset);
        if (rec.plain == null) {
            int n = SshTransport.fetchLength(tvb, offset, msgLen + 4) - 4;
            if (n < 0) {
                // A length of 2^32 - 4 or more wraps to a tiny one in tshark, which then writes past its
                // buffer; Dorsal stops at the bounds instead.
                throw new TruncatedException("GCM length " + msgLen);
            }
            byte[] whole = tvb.bytes(offset, n + 4);
            byte[] out = cipher.gcm(Arrays.copyOf(whole, 4), whole, 4, n);
            byte[] plain = Arrays.copyOf(whole, n + 4);
            System.arraycopy(out, 0, plain, 4, n);
            rec.plain = plain;
            rec.calcMac = Arrays.copyOfRange(out, n, n + 16);
        }
        return decrypted(ctx, tree, offset, rec, peer.macLength);
    }

    /** AES-CBC and AES-CTR: the length is in the first encrypted block. */
    private static int blocks(SshContext ctx, ProtoItem tree, int offset, SshCipher cipher) {
        Tvb tvb = ctx.tvb;
        SshPeer peer = ctx.peer;
        SshConversation.Record rec = record(ctx, tvb, offset);
        if (rec.plain == null) {
            int remaining = tvb.reportedLength() - offset;
            tvb.bytes(offset, remaining);
            byte[] first = cipher.block(tvb.backingArray(), tvb.start() + offset);
            long msgLen = u32(first, 0);
            if (msgLen > MAX_LENGTH) {
                return tvb.length();
            }
            int n = (int) msgLen;
            byte[] plain = new byte[Math.max(n + 4, 16)];
            System.arraycopy(first, 0, plain, 0, 16);
            if (remaining > n + 4) {
                remaining = n + 4;
            }
            for (int off = 16; off < remaining; off += 16) {
                tvb.bytes(offset + off, 16);
                byte[] b = cipher.block(tvb.backingArray(), tvb.start() + offset + off);
                System.arraycopy(b, 0, plain, off, Math.min(16, plain.length - off));
            }
            if (msgLen > remaining) {
                return tvb.length();
            }
            rec.plain = Arrays.copyOf(plain, n + 4);
            rec.calcMac = peer.macSha256 ? SshCipher.hmacSha256(rec.sequenceNumber, rec.plain) : new byte[64];
        }
        return decrypted(ctx, tree, offset, rec, peer.macLength);
    }

    /** Shows a decrypted record, its MAC checked against the computed one, and its sequence number. */
    private static int decrypted(SshContext ctx, ProtoItem tree, int offset, SshConversation.Record rec, int macLen) {
        Tvb tvb = ctx.tvb;
        int msgLen = rec.plain.length - 4;
        int macAt = offset + 4 + msgLen;
        tvb.bytes(macAt, SshTransport.fetchLength(tvb, macAt, Integer.toUnsignedLong(macLen)));
        SshMessages.dissect(ctx, tree, rec.plain);
        mac(tree, tvb, macAt, macLen, rec.calcMac);
        tree.addUint(SshTransport.SEQ_NUM, tvb, macAt, macLen, Integer.toUnsignedLong(rec.sequenceNumber));
        return offset + msgLen + ctx.peer.macLength + 4;
    }

    private static void mac(ProtoItem tree, Tvb tvb, int offset, int macLen, byte[] computed) {
        ProtoItem item = tree.add(MAC, tvb, offset, macLen);
        byte[] sent = tvb.bytes(offset, macLen);
        byte[] calc = Arrays.copyOf(computed, macLen);
        boolean good = Arrays.equals(sent, calc);
        if (item != tree) {
            item.appendText(good ? " [correct]" : " incorrect, computed " + HexFormat.of().formatHex(calc));
        }
        ProtoItem status = tree.addUint(MAC_STATUS, tvb, offset, 0, good ? 1 : 0);
        if (status != tree) {
            status.setGenerated();
        }
        if (!good) {
            (item != tree ? item : tree).expert(MAC_BAD);
        }
    }

    private static long u32(byte[] b, int off) {
        return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
