package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.FlowShortcut;
import java.io.PrintStream;
import java.util.Set;

/**
 * A statistics listener ({@code tshark -z}): sees every dissected packet in capture order, then prints
 * its report once at the end of the file. Build one with {@link Taps#parse}.
 */
public interface Tap {
    /** Counts {@code p}; called for every packet read, whether or not {@code -Y} displays it. */
    void packet(DissectedPacket p);

    /** Prints the report exactly as tshark 4.0.17 does (stdout text, trailing newline included). */
    void finish(PrintStream out);

    /** Abbreviations of the fields this tap reads; the CLI asks dissection to build their nodes. */
    Set<String> fieldsNeeded();

    /** True when the tap walks every node of the tree (not only {@link #fieldsNeeded()}). */
    boolean needsDetailedTree();

    /** Abbreviations of the fields this tap's own display filter refers to (empty without one). */
    default Set<String> filterFields() {
        return Set.of();
    }

    /**
     * Tells the tap, before the first packet, about the rest of the run, which some tshark reports
     * depend on: the fields any display filter of the run refers to ({@code -Y}, {@code -R} and every
     * {@code -z} filter; tshark only fills those in its statistics tree), and whether packet details
     * are printed ({@code -V}, {@code -O}, {@code -T fields|json|pdml|ek}).
     */
    default void runContext(Set<String> filterFields, boolean detailsPrinted) {}

    /**
     * Whether MAC addresses print with their names ({@code Broadcast}, {@code 00:00:00_…}), as
     * tshark's default {@code -N m} does; {@code -n} turns it off. Called before the first packet.
     */
    default void macNameResolution(boolean enabled) {}

    /**
     * The transport ("tcp", "udp") whose flows are all this tap reads of most frames, so that a run whose
     * every consumer says so may take frames through that transport's {@link FlowShortcut}; null
     * (the default) when the tap reads dissected packets.
     */
    default String flowTransport() {
        return null;
    }

    /**
     * Whether the tap takes a frame of {@code stream} as a flow ({@link #flow}); false when it needs
     * the frame dissected ({@link #packet}), as a followed stream's frames are.
     */
    default boolean takesFlowOf(long stream) {
        return true;
    }

    /** Counts a frame known only by its flow (length on the wire, time since the first frame). */
    default void flow(FlowShortcut.Flow flow, int originalLength, long relativeNanos) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " reads dissected packets only");
    }
}
