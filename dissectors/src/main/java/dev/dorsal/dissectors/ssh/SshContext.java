package dev.dorsal.dissectors.ssh;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.Preference;
import dev.dorsal.engine.spi.Tvb;
import java.util.BitSet;

/** What the SSH dissectors share while they read one TCP payload: its conversation, side and columns. */
final class SshContext {
    final Tvb tvb;
    final PacketInfo pinfo;
    final SshConversation conv;
    final SshConversation.Registry registry;
    /** Sent by the server: from the port the {@code tcp.port} entry matched (tshark's is_response). */
    final boolean fromServer;
    final SshPeer peer;
    /** A second pass: tshark revisits the frame, so changes it guards with "not visited" are skipped. */
    final boolean visited;
    final long frame;
    /** Whether an unfinished message may be left to TCP to reassemble (ssh.desegment_buffers). */
    final boolean desegment;
    /** The version this payload is read with: the conversation's, updated by a client version line. */
    int version;
    /** Set once TCP was asked for more data: the payload's dissection stops there. */
    boolean needMore;
    /**
     * Whether tshark would build a tree for this pass: with -V, JSON, a filter or -T fields, but not
     * for a plain summary. Some SSH items are only added (and their bounds only checked) then.
     */
    final boolean tsharkTree;

    SshContext(Tvb tvb, PacketInfo pinfo, SshConversation.Registry registry, SshConversation conv,
            boolean fromServer, PacketTree tree) {
        this.tvb = tvb;
        this.pinfo = pinfo;
        this.registry = registry;
        this.conv = conv;
        this.fromServer = fromServer;
        this.peer = conv.peer(fromServer);
        this.visited = pinfo.links().secondPass();
        this.frame = pinfo.number();
        Preference p = pinfo.tables().preference(SshProvider.DESEGMENT);
        this.desegment = pinfo.canDesegment() && (p == null || p.boolValue());
        this.version = conv.version;
        BitSet interest = tree.interest();
        this.tsharkTree = tree.detailed() || interest == null || !interest.isEmpty();
    }

    /** Appends to Info after ", " when it has text (col_append_sep_str with the default separator). */
    void info(String text) {
        Columns cols = pinfo.columns();
        if (!cols.enabled()) {
            return;
        }
        if (!cols.info().isEmpty()) {
            cols.appendInfo(", ");
        }
        cols.appendInfo(text);
    }

    /** Asks TCP for {@code length} more bytes from {@code offset} (tshark's desegment_offset/len). */
    void askMore(int offset, int length) {
        pinfo.setDesegment(offset, length);
        needMore = true;
    }

    /**
     * The captured bytes left at {@code offset}, at least one: none throws as tshark's
     * tvb_ensure_captured_length_remaining does (truncated within the packet, malformed past it).
     */
    static int ensureRemaining(Tvb tvb, int offset) {
        int remain = tvb.remaining(offset);
        if (remain <= 0) {
            tvb.u8(offset);
        }
        return remain;
    }
}
