package dev.dorsal.engine.spi;

import java.util.List;
import java.util.function.LongPredicate;

/**
 * A transport dissector's shortcut for consumers that read nothing of a frame but its transport flow
 * (addresses, ports, stream index): {@code -z conv,tcp}, or {@code -z follow,tcp,…,N} for the frames of
 * other streams. Building the tree through every layer costs microseconds a frame; reading the
 * plain headers these consumers need and updating the stream table costs a small part of that.
 *
 * <p>The contract: for every frame it does not decline, the shortcut changes the capture's state
 * exactly as full dissection would for a consumer that reads only the stream index, and returns what
 * that dissection would report. It declines ({@link Outcome#DECLINED}, changing nothing) for anything
 * it does not handle completely, and that frame then takes the full dissection. It may only be used
 * while the dissector tables hold the hand-offs it assumes ({@link #assumes}).
 *
 * <p>Other protocols may register shortcuts for a transport too, for frames they can tell carry no
 * flow of it at all ({@link Outcome#NO_FLOW}: ARP frames, UDP datagrams that go to no tunnel when TCP
 * is read); the registry tries every shortcut of a transport in turn.
 */
public interface FlowShortcut {
    /** What {@link #flow} made of a frame. */
    enum Outcome {
        /** Not handled: the frame takes the full dissection. */
        DECLINED,
        /** A frame of the transport: its flow was written to the holder given. */
        FLOW,
        /**
         * A frame whose full dissection could reach no dissector of the transport: it leaves that
         * transport's state as it is, and a consumer of its flows has nothing to count in it.
         */
        NO_FLOW
    }

    /**
     * What a run asks, the same for every frame of it.
     *
     * @param states the capture's per-dissector state, as {@link PacketInfo#state} gives it
     * @param take whether the caller takes a frame of the given stream; when it does not, the
     *     shortcut declines without changing anything, so that the full dissection sees the frame
     * @param transportPayloadWanted whether the run's full dissection would hand the payload of TCP and
     *     UDP on to the protocols above ({@link PacketInfo#transportPayloadWanted})
     */
    record Run(States states, LongPredicate take, boolean transportPayloadWanted) {}

    /**
     * One layer's flow: where a frame goes, and the stream it belongs to. The caller owns it and hands
     * the same one to {@link #flow} frame after frame (an object per frame was most of the garbage a
     * pass through the shortcut made), so it is read before the next frame and never kept.
     */
    final class Flow {
        private Address src;
        private int srcPort;
        private Address dst;
        private int dstPort;
        private long stream;

        public void set(Address src, int srcPort, Address dst, int dstPort, long stream) {
            this.src = src;
            this.srcPort = srcPort;
            this.dst = dst;
            this.dstPort = dstPort;
            this.stream = stream;
        }

        public Address src() { return src; }

        public int srcPort() { return srcPort; }

        public Address dst() { return dst; }

        public int dstPort() { return dstPort; }

        public long stream() { return stream; }
    }

    /** A hand-off the shortcut assumes: {@code table} maps {@code key} to the handle named {@code handle}. */
    record Binding(String table, long key, String handle) {}

    /** The table entries the shortcut's reading of the headers stands for; checked before it is used. */
    List<Binding> assumes();

    /**
     * Finds the flow of a frame and writes it to {@code out} ({@link Outcome#FLOW}), or says the frame
     * carries none ({@link Outcome#NO_FLOW}) or declines it; {@code out} is written only for a flow.
     *
     * @param frame the captured bytes, or only the first of them: a shortcut that needs more declines
     * @param capturedLength how many bytes the capture holds for the frame
     * @param linkType the frame's link-layer type (pcap LINKTYPE_ value)
     * @param reportedLength the frame's length on the wire
     * @param number the frame number
     * @param timestampNanos the frame's time
     * @param run what the run asks
     * @param out where the flow of a frame taken goes
     */
    Outcome flow(byte[] frame, int capturedLength, int linkType, int reportedLength, long number, long timestampNanos,
            Run run, Flow out);

    /** The shortcuts of one transport tried in turn: the first answer that is not a decline counts. */
    static FlowShortcut anyOf(List<FlowShortcut> shortcuts) {
        if (shortcuts.size() == 1) {
            return shortcuts.getFirst();
        }
        FlowShortcut[] each = shortcuts.toArray(FlowShortcut[]::new);
        List<Binding> all = shortcuts.stream().flatMap(s -> s.assumes().stream()).toList();
        return new FlowShortcut() {
            @Override
            public List<Binding> assumes() {
                return all;
            }

            @Override
            public Outcome flow(byte[] frame, int capturedLength, int linkType, int reportedLength, long number,
                    long timestampNanos, Run run, Flow out) {
                for (FlowShortcut s : each) {
                    Outcome o = s.flow(frame, capturedLength, linkType, reportedLength, number, timestampNanos, run, out);
                    if (o != Outcome.DECLINED) {
                        return o;
                    }
                }
                return Outcome.DECLINED;
            }
        };
    }

    /** Per-capture state by key, the store {@link PacketInfo#state} reads. */
    interface States {
        <T> T state(Key<T> key, java.util.function.Supplier<T> create);
    }
}
