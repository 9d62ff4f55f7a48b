package dev.dorsal.engine.spi;

import java.util.function.Supplier;

/**
 * What a dissector knows about the packet beyond its bytes (Wireshark's pinfo): frame metadata,
 * columns, addresses and ports set by lower layers, per-packet layer data, per-capture state, and
 * the way to call other dissectors.
 */
public interface PacketInfo {
    FrameMeta frame();

    default long number() {
        return frame().number();
    }

    /** False on the first (and, in single pass, only) dissection of this frame. */
    boolean visited();

    /** Links to later frames a first pass learned (tshark -2); {@link PassLinks#NONE} in a single pass. */
    default PassLinks links() {
        return PassLinks.NONE;
    }

    Columns columns();

    Address src();

    Address dst();

    /** Sets the current source and destination (each layer overwrites the one below). */
    void setAddresses(Address src, Address dst);

    Address netSrc();

    Address netDst();

    void setNetAddresses(Address src, Address dst);

    Address dlSrc();

    Address dlDst();

    void setDlAddresses(Address src, Address dst);

    /** Transport kind of {@link #srcPort()}/{@link #dstPort()}: "tcp", "udp", or null. */
    String portType();

    int srcPort();

    int dstPort();

    void setPorts(String portType, int src, int dst);

    /**
     * False when no consumer of this pass can read anything a TCP or UDP payload turns into (only
     * link/network/transport fields are wanted): transports may then skip reassembly and dispatch.
     */
    default boolean transportPayloadWanted() {
        return true;
    }

    /** Per-packet data one layer leaves for the next (e.g. the IP pseudo-header for TCP). */
    <T> T get(Key<T> key);

    <T> void put(Key<T> key, T value);

    /** Per-capture state of a dissector (stream tables…), created on first use; cleared when a new file opens. */
    <T> T state(Key<T> key, Supplier<T> create);

    /** Calls {@code handle} on {@code tvb}; bounds errors inside it are marked malformed here, not propagated. */
    int call(DissectorHandle handle, Tvb tvb, ProtoItem tree);

    /** Calls {@code handle} and lets bounds errors propagate to the caller (for heuristics that must reject). */
    int callRaw(DissectorHandle handle, Tvb tvb, ProtoItem tree);

    Tables tables();

    /** Adds a data source (reassembled or decrypted bytes) shown by -x; returns a view over it. */
    Tvb addDataSource(String name, byte[] bytes);

    /** Whether the transport can reassemble for the current dissector (TCP with desegmentation on). */
    boolean canDesegment();

    void setCanDesegment(boolean can);

    /** Asks the transport for more data: {@code offset} where the unfinished PDU starts, {@code length} bytes more (or {@link #ONE_MORE_SEGMENT}). */
    void setDesegment(int offset, int length);

    int desegmentOffset();

    int desegmentLength();

    /** Wireshark's DESEGMENT_ONE_MORE_SEGMENT. */
    int ONE_MORE_SEGMENT = 0x0fffffff;

    /** Appends a protocol to frame.protocols (done by {@link #call}; use for pseudo-layers). */
    void addLayerName(String filterName);

    /** Filter names of the protocols called so far, outermost first ("frame", "eth", "ethertype", …). */
    java.util.List<String> layerNames();

    /**
     * Calls {@code handle} as {@link #call} does, but a malformed packet in it or in a protocol it calls
     * directly is marked here, at {@code tvb}, in the name of the protocol that hit it: the place where
     * tshark code such as its 802.3 framing catches the non-fatal exceptions of its payload (deeper
     * protocols, such as IP's transports, mark their own, as before). A packet cut by the snap length
     * is not caught here (tshark's BoundsError ends the frame).
     */
    default int callCatching(DissectorHandle handle, Tvb tvb, ProtoItem tree) {
        return call(handle, tvb, tree);
    }

    /**
     * Drops the layers from index {@code from} on (frame.protocols), for a protocol that called another
     * which only asked for more data: tshark does not list a layer that dissected nothing yet.
     */
    default void removeLayers(int from) {}

    /**
     * The decryption secrets of type {@code secretsType} known to this capture, in the order they were
     * added: the payloads of pcapng Decryption Secrets Blocks, and whatever the application added
     * through {@code Dissection.addDecryptionSecrets} (e.g. a key log a user loaded). The list only
     * grows while a capture is dissected.
     *
     * @param secretsType the pcapng DSB secrets type, e.g. {@code 0x544c534b} ('TLSK') for TLS key logs
     */
    default java.util.List<byte[]> decryptionSecrets(int secretsType) {
        return java.util.List.of();
    }

    /**
     * Hands {@code data} to the statistics listening on {@code tap} (Wireshark's tap_queue_packet): the
     * packet's result carries it, so a tap such as {@code -z follow,tls} reads what only the dissector
     * knows (decrypted payload) without another dissection.
     */
    default void queueTap(String tap, Object data) {}
}
