package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.PacketTree;

/**
 * Carries what one call of the TLS dissector shares between the record, handshake and extension code:
 * the packet, its session and direction, and the Info column in the comma-separated form tshark builds.
 */
final class TlsContext {
    final PacketInfo pinfo;
    final TlsSession session;
    final boolean fromServer;
    final PacketTree tree;
    /** Labels, value names and other display text are built only when someone reads them. */
    final boolean detailed;
    /** The record being dissected was decrypted: its handshake messages are plain, whatever they look like. */
    boolean decryptedRecord;
    private final Columns columns;
    private final boolean columnsEnabled;
    /** Handshake messages from QUIC CRYPTO frames: neither Info nor the {@code tls,flow} ladder shows them. */
    private final boolean inQuic;
    private boolean infoNonEmpty;

    TlsContext(PacketInfo pinfo, TlsSession session, boolean fromServer, PacketTree tree) {
        this(pinfo, session, fromServer, tree, true);
    }

    /**
     * A context whose message names go to Info only when {@code columns} is set: QUIC carries handshake
     * messages in CRYPTO frames, and tshark's Info then names the frames, not the messages.
     */
    TlsContext(PacketInfo pinfo, TlsSession session, boolean fromServer, PacketTree tree, boolean columns) {
        this.pinfo = pinfo;
        this.session = session;
        this.fromServer = fromServer;
        this.tree = tree;
        this.detailed = tree.detailed();
        this.columns = pinfo.columns();
        this.inQuic = !columns;
        this.columnsEnabled = columns && this.columns.enabled();
        // tshark puts ", " before every message name once the column holds anything, even text that a
        // lower layer fenced ("[TCP ACKed unseen segment] , Server Hello").
        this.infoNonEmpty = columnsEnabled && !this.columns.info().isEmpty();
    }

    /**
     * Appends {@code text} to Info, after ", " when Info already has text (col_append_sep_str), and
     * records it as one step of the session's handshake ladder.
     */
    void appendInfo(String text) {
        if (inQuic) {
            return;
        }
        session.flow.add(pinfo.number(), fromServer, text);
        if (!columnsEnabled) {
            return;
        }
        if (infoNonEmpty) {
            columns.appendInfo(", ");
        }
        columns.appendInfo(text);
        infoNonEmpty = true;
    }

    boolean columnsEnabled() {
        return columnsEnabled;
    }

    void setProtocol(String name) {
        if (!inQuic) {
            columns.setProtocol(name);
        }
    }

    boolean wants(FieldDef f) {
        return tree.wants(f);
    }

    long frame() {
        return pinfo.number();
    }

    /**
     * Throws the bounds error tshark raises when a node would cover bytes the packet does not have
     * (it checks even when no tree is built, so Info and fields show "[Malformed Packet]" alike).
     */
    static void ensure(dev.dorsal.engine.spi.Tvb tvb, int offset, int length) {
        if (!tvb.has(offset, length)) {
            tvb.bytes(offset, length);
        }
    }
}
