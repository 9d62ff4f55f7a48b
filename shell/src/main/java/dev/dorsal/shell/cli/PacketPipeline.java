package dev.dorsal.shell.cli;

import dev.dorsal.engine.capture.FrameHead;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.output.PacketFormatter;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FlowShortcut;
import dev.dorsal.engine.spi.PassLinks;
import dev.dorsal.engine.stats.Tap;
import java.io.PrintStream;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The per-packet work every source shares (a file or a live device): dissect, feed the -z taps,
 * apply -Y, print. Frames come in capture order; the source saves the ones {@link #accept} passes.
 */
final class PacketPipeline {
    private final Plan plan;
    private final Dissection dissection;
    private final OutputSink sink;
    private final PrintStream out;
    private final PacketFormatter formatter;
    /** Null unless every consumer of the run reads only transport flows (see {@link #flowShortcut}). */
    private final FlowShortcut shortcut;
    private final LongPredicate takenAsFlow;
    private int contextInterfaces = -1;
    private int contextSection = -1;

    PacketPipeline(Plan plan, Registry registry, PrintStream out) {
        this(plan, registry, out, null);
    }

    /** A pipeline whose dissection shows what a first pass learned ({@code links}; null for a single pass). */
    PacketPipeline(Plan plan, Registry registry, PrintStream out, PassLinks links) {
        this.plan = plan;
        this.dissection = links == null ? new Dissection(registry) : new Dissection(registry, links);
        for (Tap t : plan.taps()) {
            if (t instanceof TlsFlowTap ladder) {
                ladder.attach(dissection); // it prints what TLS recorded in this run's state
            }
        }
        this.out = out;
        this.sink = new OutputSink(out);
        this.formatter = plan.formatter();
        if (formatter != null) {
            formatter.begin(sink.buffer());
        }
        this.shortcut = flowShortcut(plan, registry, links);
        this.takenAsFlow = stream -> {
            for (Tap t : plan.taps()) {
                if (!t.takesFlowOf(stream)) {
                    return false;
                }
            }
            return true;
        };
    }

    /**
     * The transport shortcut a run may take (see {@link FlowShortcut}): only when nothing is printed
     * per packet, no filter or script looks at packets, it is a single pass, and every -z tap reads
     * only the flows of the same transport (-z conv,tcp, -z endpoints,tcp, -z follow,tcp,…,N).
     */
    private static FlowShortcut flowShortcut(Plan plan, Registry registry, PassLinks links) {
        if (links != null || plan.formatter() != null || plan.filter() != null || plan.scripts() != null
                || plan.taps().isEmpty()) {
            return null;
        }
        String transport = plan.taps().getFirst().flowTransport();
        for (Tap t : plan.taps()) {
            if (t.flowTransport() == null || !t.flowTransport().equals(transport)) {
                return null;
            }
        }
        return registry.flowShortcut(transport);
    }

    /** Tells frame dissection the pcapng section (1-based, 0 for pcap) and interface names, when they change. */
    void context(int section, List<String> interfaceNames) {
        if (interfaceNames.size() == contextInterfaces && section == contextSection) {
            return;
        }
        dissection.setCaptureContext(section, interfaceNames);
        contextInterfaces = interfaceNames.size();
        contextSection = section;
    }

    /** Hands the dissection decryption secrets (a pcapng DSB) for the sessions that follow. */
    void addDecryptionSecrets(dev.dorsal.engine.capture.DecryptionSecrets secrets) {
        dissection.addDecryptionSecrets(secrets);
    }

    /** Dissects and prints one frame; true when it passed the display filter (and so is displayed and saved). */
    boolean accept(RawFrame raw) {
        if (shortcut != null && flowOf(dissection.flow(raw, shortcut, takenAsFlow, plan.options()),
                raw.originalLength(), raw.timestampNanos())) {
            return true; // no filter: displayed
        }
        DissectedPacket p = dissection.dissect(raw, plan.options());
        for (Tap t : plan.taps()) {
            t.packet(p); // taps see every packet read, displayed or not, as in tshark
        }
        if (plan.scripts() != null) {
            plan.scripts().host.tap(p); // so do the scripts' Listeners
        }
        if (plan.filter() != null && !plan.filter().matches(p)) {
            return false;
        }
        dissection.markDisplayed(p);
        if (formatter != null) {
            formatter.packet(p, sink.buffer());
            sink.maybeFlush();
        }
        return true;
    }

    /** Whether frames may be offered by their first bytes ({@link #acceptHead}) before being read whole. */
    boolean takesHeads() {
        return shortcut != null;
    }

    /**
     * Takes a frame known by its record and first bytes when every consumer needs only its flow; false
     * when the frame is to be read whole and given to {@link #accept}. A frame taken is displayed.
     */
    boolean acceptHead(FrameHead head, byte[] firstBytes) {
        return shortcut != null && flowOf(dissection.flow(head, firstBytes, shortcut, takenAsFlow, plan.options()),
                head.originalLength(), head.timestampNanos());
    }

    /** Gives the taps a frame's flow, if it has one; false when the shortcut declined the frame. */
    private boolean flowOf(FlowShortcut.Outcome outcome, int originalLength, long timestampNanos) {
        if (outcome == FlowShortcut.Outcome.DECLINED) {
            return false;
        }
        if (outcome == FlowShortcut.Outcome.FLOW) {
            long relative = dissection.relativeNanos(timestampNanos);
            for (Tap t : plan.taps()) {
                t.flow(dissection.lastFlow(), originalLength, relative);
            }
        }
        return true;
    }

    /** Dissects a frame -R removed (tshark -2), for the state of the frames after it; nothing sees it. */
    void dissectRemoved(RawFrame raw) {
        dissection.dissectRemoved(raw, plan.options());
    }

    /** Writes out what is buffered: live capture calls this after each packet so lines appear as they arrive. */
    void flush() {
        sink.flush();
    }

    /** Ends the output and prints the statistics (in the reverse of their command-line order, as tshark). */
    void finish() {
        if (formatter != null) {
            formatter.end(sink.buffer());
        }
        sink.flush();
        if (plan.scripts() != null) {
            plan.scripts().host.draw();
            out.flush();
        }
        // tshark prints the statistics in the reverse of their command-line order.
        for (int i = plan.taps().size() - 1; i >= 0; i--) {
            plan.taps().get(i).finish(out);
        }
        out.flush();
    }

    /** Dissector bugs seen (never a user's mistake), one line each for stderr. */
    List<String> bugReports() {
        return dissection.bugCount() > 0 ? dissection.bugReports() : List.of();
    }
}
