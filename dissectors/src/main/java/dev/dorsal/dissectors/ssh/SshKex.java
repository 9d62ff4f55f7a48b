package dev.dorsal.dissectors.ssh;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads the key exchange method messages, codes 30 to 39, by the method both KEXINITs agreed on
 * (Diffie-Hellman, RFC 4253 section 8, when none is agreed yet or tshark does not know the method):
 * Diffie-Hellman e and f, group exchange requests and groups (RFC 4419), ECDH Q_C and Q_S (RFC 5656),
 * with the server's host key and signature ({@link SshHostKey}).
 *
 * <p>A DH or ECDH reply is where tshark 4.0.17 picks both sides' encryption, MAC and compression
 * ({@link SshAlgorithms}); after a group exchange it never does, so those sessions show encrypted
 * packets without algorithm names or MACs. Each message takes a number from its side's counter,
 * before or after the increment as tshark happens to do it (the "Sequence number" shown).
 */
final class SshKex {
    static final FieldDef DH_MESSAGE_CODE = FieldDef.uint8("ssh.message_code", "Message Code")
            .vals(SshValues.DH_MESSAGES);
    static final FieldDef GEX_MESSAGE_CODE = FieldDef.uint8("ssh.message_code", "Message Code")
            .vals(SshValues.DH_GEX_MESSAGES);
    static final FieldDef ECDH_MESSAGE_CODE = FieldDef.uint8("ssh.message_code", "Message Code")
            .vals(SshValues.ECDH_MESSAGES);
    static final FieldDef DH_E = FieldDef.bytes("ssh.dh.e", "DH client e");
    static final FieldDef DH_F = FieldDef.bytes("ssh.dh.f", "DH server f");
    static final FieldDef GEX_MIN = FieldDef.uint32("ssh.dh_gex.min", "DH GEX Min").blurb("Minimal acceptable group size");
    static final FieldDef GEX_NBITS = FieldDef.uint32("ssh.dh_gex.nbits", "DH GEX Number of Bits")
            .blurb("Preferred group size");
    static final FieldDef GEX_MAX = FieldDef.uint32("ssh.dh_gex.max", "DH GEX Max").blurb("Maximal acceptable group size");
    static final FieldDef GEX_P = FieldDef.bytes("ssh.dh_gex.p", "DH GEX modulus (P)");
    static final FieldDef GEX_G = FieldDef.bytes("ssh.dh_gex.g", "DH GEX base (G)");
    static final FieldDef ECDH_Q_C = FieldDef.bytes("ssh.ecdh.q_c", "ECDH client's ephemeral public key (Q_C)");
    static final FieldDef ECDH_Q_C_LENGTH = FieldDef.uint32("ssh.ecdh.q_c_length",
            "ECDH client's ephemeral public key length");
    static final FieldDef ECDH_Q_S = FieldDef.bytes("ssh.ecdh.q_s", "ECDH server's ephemeral public key (Q_S)");
    static final FieldDef ECDH_Q_S_LENGTH = FieldDef.uint32("ssh.ecdh.q_s_length",
            "ECDH server's ephemeral public key length");
    static final FieldDef MPINT_LENGTH = FieldDef.uint32("ssh.mpint_length", "Multi Precision Integer Length");

    static final List<FieldDef> FIELDS = List.of(DH_MESSAGE_CODE, GEX_MESSAGE_CODE, ECDH_MESSAGE_CODE, DH_E, DH_F,
            GEX_MIN, GEX_NBITS, GEX_MAX, GEX_P, GEX_G, ECDH_Q_C, ECDH_Q_C_LENGTH, ECDH_Q_S, ECDH_Q_S_LENGTH,
            MPINT_LENGTH);

    static final ExpertDef KEY_LENGTH_ERROR = new ExpertDef("ssh.key_length.error", "Invalid key length",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);

    /** Longest public value tshark 4.0.17 keeps (observed: 1025 bytes pass, 1026 are flagged). */
    private static final long MAX_KEY_LENGTH = 1025;

    /** Where a method message ended and the sequence number shown for it. */
    record Result(int offset, int seq) {}

    private SshKex() {}

    static Result methodMessage(SshContext ctx, ProtoItem tree, int offset, int code) {
        return switch (ctx.conv.kexKind) {
            case DH -> dh(ctx, tree, offset, code);
            case DH_GEX -> gex(ctx, tree, offset, code);
            case ECDH -> ecdh(ctx, tree, offset, code);
        };
    }

    private static Result dh(SshContext ctx, ProtoItem tree, int offset, int code) {
        Tvb tvb = ctx.tvb;
        SshConversation conv = ctx.conv;
        tree.add(DH_MESSAGE_CODE, tvb, offset, 1);
        offset += 1;
        ctx.info(SshValues.name(SshValues.DH_MESSAGES, code));
        int seq = 0;
        if (code == 30) {
            checkKey(tree, tvb, offset);
            offset += mpint(tree, tvb, offset, DH_E);
            if (conv.client.seqDhInit == 0) {
                conv.client.seqDhInit = ++conv.client.sequenceNumber;
            }
            seq = conv.client.seqDhInit;
        } else if (code == 31) {
            offset += SshHostKey.hostKey(tree, tvb, offset);
            checkKey(tree, tvb, offset);
            SshAlgorithms.choose(conv);
            offset += mpint(tree, tvb, offset, DH_F);
            offset += SshHostKey.signature(tree, tvb, offset);
            if (conv.server.seqDhReply == 0) {
                conv.server.seqDhReply = ++conv.server.sequenceNumber;
            }
            seq = conv.server.seqDhReply;
        }
        return new Result(offset, seq);
    }

    private static Result gex(SshContext ctx, ProtoItem tree, int offset, int code) {
        Tvb tvb = ctx.tvb;
        SshConversation conv = ctx.conv;
        tree.add(GEX_MESSAGE_CODE, tvb, offset, 1);
        offset += 1;
        ctx.info(SshValues.name(SshValues.DH_GEX_MESSAGES, code));
        int seq = 0;
        switch (code) {
            case 30 -> {
                tree.add(GEX_NBITS, tvb, offset, 4);
                offset += 4;
            }
            case 31 -> {
                offset += mpint(tree, tvb, offset, GEX_P);
                offset += mpint(tree, tvb, offset, GEX_G);
                if (conv.server.seqGexGroup == 0) {
                    conv.server.seqGexGroup = ++conv.server.sequenceNumber;
                }
                seq = conv.server.seqGexGroup;
            }
            case 32 -> {
                offset += mpint(tree, tvb, offset, DH_E);
                if (conv.client.seqGexInit == 0) {
                    conv.client.seqGexInit = ++conv.client.sequenceNumber;
                }
                seq = conv.client.seqGexInit;
            }
            case 33 -> {
                offset += SshHostKey.hostKey(tree, tvb, offset);
                offset += mpint(tree, tvb, offset, DH_F);
                offset += SshHostKey.signature(tree, tvb, offset);
                if (conv.server.seqGexReply == 0) {
                    conv.server.seqGexReply = ++conv.server.sequenceNumber;
                }
                seq = conv.server.seqGexReply;
            }
            case 34 -> {
                tree.add(GEX_MIN, tvb, offset, 4);
                tree.add(GEX_NBITS, tvb, offset + 4, 4);
                tree.add(GEX_MAX, tvb, offset + 8, 4);
                offset += 12;
                if (conv.client.seqGexRequest == 0) {
                    conv.client.seqGexRequest = ++conv.client.sequenceNumber;
                }
                seq = conv.client.seqGexRequest;
            }
            default -> { }
        }
        return new Result(offset, seq);
    }

    private static Result ecdh(SshContext ctx, ProtoItem tree, int offset, int code) {
        Tvb tvb = ctx.tvb;
        SshConversation conv = ctx.conv;
        tree.add(ECDH_MESSAGE_CODE, tvb, offset, 1);
        offset += 1;
        ctx.info(SshValues.name(SshValues.ECDH_MESSAGES, code));
        int seq = 0;
        if (code == 30) {
            checkKey(tree, tvb, offset);
            if (!ctx.visited && conv.client.seqEcdhInit == 0) {
                conv.client.seqEcdhInit = conv.client.sequenceNumber++;
            }
            seq = conv.client.seqEcdhInit;
            offset += string(tree, tvb, offset, ECDH_Q_C_LENGTH, ECDH_Q_C);
        } else if (code == 31) {
            offset += SshHostKey.hostKey(tree, tvb, offset);
            checkKey(tree, tvb, offset);
            SshAlgorithms.choose(conv);
            if (conv.server.seqEcdhReply == 0) {
                conv.server.seqEcdhReply = conv.server.sequenceNumber++;
            }
            seq = conv.server.seqEcdhReply;
            offset += string(tree, tvb, offset, ECDH_Q_S_LENGTH, ECDH_Q_S);
            offset += SshHostKey.signature(tree, tvb, offset);
        }
        return new Result(offset, seq);
    }

    /**
     * tshark keeps a public value of 1 to 1025 bytes (8192 bits and a sign byte) for decryption and flags
     * any other length with an "Invalid key length" item; a value cut short fails here, before its
     * fields are shown.
     */
    private static void checkKey(ProtoItem tree, Tvb tvb, int offset) {
        long length = tvb.u32(offset);
        if (length == 0 || length > MAX_KEY_LENGTH) {
            String msg = "Invalid key length: " + length;
            SshTransport.subtree(tree, tvb, offset, 2, msg).expert(KEY_LENGTH_ERROR, msg);
        } else {
            tvb.bytes(offset + 4, (int) length);
        }
    }

    /** An mpint (RFC 4251 section 5): its length, then its bytes as {@code field}; returns its size. */
    static int mpint(ProtoItem tree, Tvb tvb, int offset, FieldDef field) {
        return string(tree, tvb, offset, MPINT_LENGTH, field);
    }

    /** A length-prefixed value: the length as {@code lengthField}, the bytes as {@code field}; returns its size. */
    static int string(ProtoItem tree, Tvb tvb, int offset, FieldDef lengthField, FieldDef field) {
        long len = tvb.u32(offset);
        tree.addUint(lengthField, tvb, offset, 4, len);
        int n = SshTransport.itemLength(tvb, offset + 4, len);
        if (field.type() == FieldType.STRING) {
            SshDissector.string(tree, field, tvb, offset + 4, n);
        } else {
            tree.add(field, tvb, offset + 4, n);
        }
        return 4 + (int) len;
    }
}
