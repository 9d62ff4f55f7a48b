package dev.dorsal.dissectors.ssh;

import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads decrypted connection protocol messages (RFC 4254) as tshark 4.0.17 does: global requests,
 * channel opens, confirmations, window adjusts, data, EOF, close, requests and successes.
 */
final class SshConnection {
    static final FieldDef TYPE_NAME_LENGTH = FieldDef.uint32("ssh.connection_type_name_length",
            "Channel type name length");
    static final FieldDef TYPE_NAME = FieldDef.string("ssh.connection_type_name", "Channel type name");
    static final FieldDef SENDER_CHANNEL = FieldDef.uint32("ssh.connection_sender_channel", "Sender channel");
    static final FieldDef RECIPIENT_CHANNEL = FieldDef.uint32("ssh.connection_recipient_channel", "Recipient channel");
    static final FieldDef INITIAL_WINDOW = FieldDef.uint32("ssh.connection_initial_window_size", "Initial window size");
    static final FieldDef MAXIMUM_PACKET_SIZE = FieldDef.uint32("ssh.userauth_maximum_packet_size",
            "Maximum packet size");
    static final FieldDef GLOBAL_REQUEST_NAME_LENGTH = FieldDef.uint32("ssh.global_request_name_length",
            "Global request name length");
    static final FieldDef GLOBAL_REQUEST_NAME = FieldDef.string("ssh.global_request_name", "Global request name");
    static final FieldDef GLOBAL_REQUEST_WANT_REPLY = FieldDef.uint8("ssh.global_request_want_reply",
            "Global request want reply");
    static final FieldDef GLOBAL_REQUEST_HOSTKEYS = FieldDef.uint32("ssh.global_request_hostkeys",
            "Host keys array length");
    /** tshark 4.0.17 registers the channel request name under the global request's filter names. */
    static final FieldDef CHANNEL_REQUEST_NAME_LENGTH = FieldDef.uint32("ssh.global_request_name_length",
            "Channel request name length");
    static final FieldDef CHANNEL_REQUEST_NAME = FieldDef.string("ssh.global_request_name", "Channel request name");
    static final FieldDef CHANNEL_REQUEST_WANT_REPLY = FieldDef.uint8("ssh.channel_request_want_reply",
            "Channel request want reply");
    static final FieldDef SUBSYSTEM_NAME_LENGTH = FieldDef.uint32("ssh.subsystem_name_length", "Subsystem name length");
    static final FieldDef SUBSYSTEM_NAME = FieldDef.string("ssh.subsystem_name", "Subsystem name");
    static final FieldDef EXIT_STATUS = FieldDef.uint32("ssh.exit_status", "Exit status").hex();
    static final FieldDef WINDOW_ADJUST = FieldDef.uint32("ssh.channel_window_adjust", "Bytes to add");
    static final FieldDef DATA_LENGTH = FieldDef.uint32("ssh.channel_data_length", "Data length");

    static final List<FieldDef> FIELDS = List.of(TYPE_NAME_LENGTH, TYPE_NAME, SENDER_CHANNEL, RECIPIENT_CHANNEL,
            INITIAL_WINDOW, MAXIMUM_PACKET_SIZE, GLOBAL_REQUEST_NAME_LENGTH, GLOBAL_REQUEST_NAME,
            GLOBAL_REQUEST_WANT_REPLY, GLOBAL_REQUEST_HOSTKEYS, CHANNEL_REQUEST_NAME_LENGTH, CHANNEL_REQUEST_NAME,
            CHANNEL_REQUEST_WANT_REPLY, SUBSYSTEM_NAME_LENGTH,
            SUBSYSTEM_NAME, EXIT_STATUS, WINDOW_ADJUST, DATA_LENGTH);

    private SshConnection() {}

    /** Codes 80 to 89 from {@code offset} (after the code). */
    static int generic(ProtoItem tree, Tvb tvb, int offset, int code) {
        if (code == 80) {
            long len = tvb.u32(offset);
            tree.add(GLOBAL_REQUEST_NAME_LENGTH, tvb, offset, 4);
            offset += 4;
            int n = SshTransport.itemLength(tvb, offset, len);
            SshDissector.string(tree, GLOBAL_REQUEST_NAME, tvb, offset, n);
            String name = AsciiText.of(tvb, offset, n);
            offset += (int) len;
            tree.add(GLOBAL_REQUEST_WANT_REPLY, tvb, offset, 1);
            offset += 1;
            if (name.equals("hostkeys-00@openssh.com")) {
                long keyLen = tvb.u32(offset);
                ProtoItem length = tree.add(GLOBAL_REQUEST_HOSTKEYS, tvb, offset, 4);
                offset += 4;
                offset = SshUserAuth.keyBlob(tree, length, tvb, offset, keyLen);
            }
        }
        return offset;
    }

    /** Codes 90 to 127 from {@code offset} (after the code). */
    static int channel(ProtoItem tree, Tvb tvb, int offset, int code) {
        switch (code) {
            case 90 -> {
                offset = SshMessages.lengthAndString(tree, tvb, offset, TYPE_NAME_LENGTH, TYPE_NAME, true);
                tree.add(SENDER_CHANNEL, tvb, offset, 4);
                tree.add(INITIAL_WINDOW, tvb, offset + 4, 4);
                tree.add(MAXIMUM_PACKET_SIZE, tvb, offset + 8, 4);
                offset += 12;
            }
            case 91 -> {
                tree.add(RECIPIENT_CHANNEL, tvb, offset, 4);
                tree.add(SENDER_CHANNEL, tvb, offset + 4, 4);
                tree.add(INITIAL_WINDOW, tvb, offset + 8, 4);
                tree.add(MAXIMUM_PACKET_SIZE, tvb, offset + 12, 4);
                offset += 16;
            }
            case 93 -> {
                tree.add(RECIPIENT_CHANNEL, tvb, offset, 4);
                tree.add(WINDOW_ADJUST, tvb, offset + 4, 4);
                offset += 8;
            }
            case 94 -> {
                tree.add(RECIPIENT_CHANNEL, tvb, offset, 4);
                offset += 4;
                long len = tvb.u32(offset);
                tree.add(DATA_LENGTH, tvb, offset, 4);
                offset += 4 + (int) len;
            }
            case 96, 97, 99 -> {
                tree.add(RECIPIENT_CHANNEL, tvb, offset, 4);
                offset += 4;
            }
            case 98 -> {
                tree.add(RECIPIENT_CHANNEL, tvb, offset, 4);
                offset += 4;
                long len = tvb.u32(offset);
                tree.add(CHANNEL_REQUEST_NAME_LENGTH, tvb, offset, 4);
                offset += 4;
                int n = SshTransport.itemLength(tvb, offset, len);
                SshDissector.string(tree, CHANNEL_REQUEST_NAME, tvb, offset, n, true);
                String name = AsciiText.of(tvb, offset, n);
                offset += (int) len;
                tree.add(CHANNEL_REQUEST_WANT_REPLY, tvb, offset, 1);
                offset += 1;
                if (name.equals("subsystem")) {
                    offset = SshMessages.lengthAndString(tree, tvb, offset, SUBSYSTEM_NAME_LENGTH, SUBSYSTEM_NAME, true);
                } else if (name.equals("exit-status")) {
                    tree.add(EXIT_STATUS, tvb, offset, 4);
                    offset += 4;
                }
            }
            default -> { }
        }
        return offset;
    }
}
