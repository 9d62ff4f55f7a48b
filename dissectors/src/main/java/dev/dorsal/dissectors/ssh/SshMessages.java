package dev.dorsal.dissectors.ssh;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Dissects a decrypted SSH-2 packet as tshark 4.0.17 does: framing, then the message by its code's
 * range (RFC 4250 section 4.1): transport, user authentication (RFC 4252) and connection (RFC 4254)
 * messages have their fields read; the others show only their code. The payload is shown from the
 * message code on, and tshark's "Decoded N bytes, but packet legnth is M bytes [code]" warning goes
 * on the length when the fields read do not cover it. Without keys this is noise ({@link SshCipher}).
 */
final class SshMessages {
    static final FieldDef IGNORE_DATA_LENGTH = FieldDef.uint32("ssh.ignore_data_length", "Debug message length");
    static final FieldDef IGNORE_DATA = FieldDef.bytes("ssh.ignore_data", "Ignore data");
    static final FieldDef DEBUG_ALWAYS_DISPLAY = FieldDef.bool("ssh.debug_always_display", "Always Display");
    static final FieldDef DEBUG_NAME_LENGTH = FieldDef.uint32("ssh.debug_name_length", "Debug message length");
    static final FieldDef DEBUG_NAME = FieldDef.string("ssh.debug_name", "Debug message");
    static final FieldDef SERVICE_NAME_LENGTH = FieldDef.uint32("ssh.service_name_length", "Service Name length");
    static final FieldDef SERVICE_NAME = FieldDef.string("ssh.service_name", "Service Name");
    static final FieldDef DISCONNECT_REASON = FieldDef.uint32("ssh.disconnect_reason", "Disconnect reason").hex();
    static final FieldDef DISCONNECT_DESCRIPTION_LENGTH = FieldDef.uint32("ssh.disconnect_description_length",
            "Disconnect description length");
    static final FieldDef DISCONNECT_DESCRIPTION = FieldDef.string("ssh.disconnect_description",
            "Disconnect description");
    static final FieldDef LANG_TAG_LENGTH = FieldDef.uint32("ssh.lang_tag_length", "Language tag length");
    static final FieldDef LANG_TAG = FieldDef.string("ssh.lang_tag", "Language tag");

    static final List<FieldDef> FIELDS = List.of(IGNORE_DATA_LENGTH, IGNORE_DATA, DEBUG_ALWAYS_DISPLAY,
            DEBUG_NAME_LENGTH, DEBUG_NAME, SERVICE_NAME_LENGTH, SERVICE_NAME, DISCONNECT_REASON,
            DISCONNECT_DESCRIPTION_LENGTH, DISCONNECT_DESCRIPTION, LANG_TAG_LENGTH, LANG_TAG);

    private SshMessages() {}

    /** Dissects {@code plain} (length word included) into {@code tree}, as the data source "Decrypted Packet". */
    static void dissect(SshContext ctx, ProtoItem tree, byte[] plain) {
        PacketInfo pinfo = ctx.pinfo;
        ctx.info("Encrypted packet (plaintext_len=" + plain.length + ")");
        Tvb tvb = pinfo.addDataSource("Decrypted Packet", plain);
        int offset = 0;
        SshContext.ensureRemaining(tvb, offset);
        long plen = tvb.u32(offset);
        ProtoItem lengthItem = tree.addUint(SshTransport.PACKET_LENGTH, tvb, offset, 4, plen);
        if (plen >= 0xffff) {
            String msg = "Overly large number " + (int) plen;
            (lengthItem != tree ? lengthItem : tree).expert(SshTransport.PACKET_LENGTH_ERROR, msg);
            plen = tvb.length() - 4;
        }
        offset += 4;
        int padding = tvb.u8(offset);
        tree.addUint(SshTransport.PADDING_LENGTH, tvb, offset, 1, padding);
        offset += 1;
        int code = tvb.u8(offset);
        int sub = (int) plen - 1;
        ProtoItem msg = null;
        int dissected = 0;
        String family = family(code);
        if (family != null) {
            // Codes 20 to 49 (key exchange, in clear before) get neither Info nor a code item here.
            boolean named = code < 20 || code >= 50;
            if (named) {
                ctx.info(SshValues.name(SshValues.MESSAGES, code));
            }
            msg = SshTransport.subtree(tree, tvb, offset, sub, "Message: " + family);
            if (named) {
                msg.add(SshTransport.MESSAGE_CODE, tvb, offset, 1);
            }
        }
        // Where tshark counts the code in what it read, and where it moves on past it, differs by family.
        if (code >= 1 && code <= 19) {
            offset += 1;
            dissected = transportGeneric(msg, tvb, offset, code) - offset;
        } else if (code >= 50 && code <= 59) {
            dissected = SshUserAuth.generic(msg, tvb, offset + 1, code) - offset;
        } else if (code >= 60 && code <= 79) {
            dissected = SshUserAuth.specific(msg, tvb, offset + 1, code) - offset;
        } else if (code >= 80 && code <= 89) {
            dissected = SshConnection.generic(msg, tvb, offset + 1, code) - offset;
        } else if (code >= 90 && code <= 127) {
            dissected = SshConnection.channel(msg, tvb, offset + 1, code) - offset;
        } else if (code >= 128) {
            offset += 1;
        }
        long len = (plen + 4 - padding - offset) & 0xffffffffL;
        if (len != 0 && msg != null) {
            // Code 0 opens no message subtree, and tshark adds nothing to a missing tree.
            msg.add(SshTransport.PAYLOAD, tvb, offset, SshTransport.itemLength(tvb, offset, len));
        }
        if (dissected != (int) len) {
            String warning = "Decoded " + dissected + " bytes, but packet legnth is " + (int) len + " bytes [" + code + "]";
            (lengthItem != tree ? lengthItem : tree).expert(SshTransport.PACKET_DECODE_ERROR, warning);
        }
        offset += (int) len;
        tree.add(SshTransport.PADDING_STRING, tvb, offset, padding);
    }

    /** The subtree title of a message code's range (RFC 4250 section 4.1), null for code 0. */
    private static String family(int code) {
        if (code == 0) {
            return null;
        }
        if (code <= 19) {
            return "Transport (generic)";
        }
        if (code <= 29) {
            return "Transport (algorithm negotiation)";
        }
        if (code <= 49) {
            return "Transport (key exchange method specific)";
        }
        if (code <= 59) {
            return "User Authentication (generic)";
        }
        if (code <= 79) {
            return "User Authentication: (method specific)";
        }
        if (code <= 89) {
            return "Connection (generic)";
        }
        if (code <= 127) {
            return "Connection: (channel related message)";
        }
        return code <= 191 ? "Client protocol" : "Local extension";
    }

    private static int transportGeneric(ProtoItem tree, Tvb tvb, int offset, int code) {
        switch (code) {
            case 1 -> {
                tree.add(DISCONNECT_REASON, tvb, offset, 4);
                offset += 4;
                offset = lengthAndString(tree, tvb, offset, DISCONNECT_DESCRIPTION_LENGTH, DISCONNECT_DESCRIPTION);
                offset = lengthAndString(tree, tvb, offset, LANG_TAG_LENGTH, LANG_TAG);
            }
            case 2 -> offset += SshKex.string(tree, tvb, offset, IGNORE_DATA_LENGTH, IGNORE_DATA);
            case 4 -> {
                tree.add(DEBUG_ALWAYS_DISPLAY, tvb, offset, 1);
                offset += 1;
                offset = lengthAndString(tree, tvb, offset, DEBUG_NAME_LENGTH, DEBUG_NAME, true);
                offset = lengthAndString(tree, tvb, offset, LANG_TAG_LENGTH, LANG_TAG);
            }
            case 5, 6 -> offset = lengthAndString(tree, tvb, offset, SERVICE_NAME_LENGTH, SERVICE_NAME);
            default -> { }
        }
        return offset;
    }

    /** A uint32 length read as a field, then that many bytes as an ASCII string field; returns the offset after. */
    static int lengthAndString(ProtoItem tree, Tvb tvb, int offset, FieldDef lengthField, FieldDef field) {
        return lengthAndString(tree, tvb, offset, lengthField, field, false);
    }

    /** As {@link #lengthAndString(ProtoItem, Tvb, int, FieldDef, FieldDef)}, the string read as UTF-8 when asked. */
    static int lengthAndString(ProtoItem tree, Tvb tvb, int offset, FieldDef lengthField, FieldDef field, boolean utf8) {
        long len = tvb.u32(offset);
        tree.add(lengthField, tvb, offset, 4);
        offset += 4;
        SshDissector.string(tree, field, tvb, offset, SshTransport.itemLength(tvb, offset, len), utf8);
        return offset + (int) len;
    }
}
