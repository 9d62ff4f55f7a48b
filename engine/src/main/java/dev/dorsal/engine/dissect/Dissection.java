package dev.dorsal.engine.dissect;

import dev.dorsal.engine.capture.DecryptionSecrets;
import dev.dorsal.engine.capture.FrameHead;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.FlowShortcut;
import dev.dorsal.engine.spi.FrameMeta;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PassLinks;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Dissects the frames of one capture in order (single pass, as tshark without -2). Keeps the
 * per-capture state dissectors build up (TCP streams, …) and the timing context for frame fields.
 * For tshark's two passes, dissect the capture twice with two Dissections sharing one
 * {@link TwoPassLinks}: the second starts from fresh state and shows what the first learned.
 */
public final class Dissection {
    /** Name of the top-level handle every frame starts in. */
    public static final String FRAME_HANDLE = "frame";

    private final Registry registry;
    private final DissectorHandle frameHandle;
    private final CaptureState capture = new CaptureState();
    private final PassLinks links;
    private long firstNanos = Long.MIN_VALUE;
    private long prevCapturedNanos;
    private long prevDisplayedNanos = Long.MIN_VALUE;
    private long prevDisplayedNumber;
    /** The flow shortcut's answer for the frame taken last (see {@link #flow}). */
    private final FlowShortcut.Flow lastFlow = new FlowShortcut.Flow();
    private FlowShortcut.Run shortcutRun;
    private DissectionOptions shortcutOptions;
    /** A frame was removed (tshark -2 -R), so frame numbers no longer count every frame read. */
    private boolean renumbered;
    private int sectionNumber;
    private List<String> interfaceNames = List.of();
    private DissectionOptions lastOptions;
    private boolean lastPayloadWanted;

    public Dissection(Registry registry) {
        this(registry, PassLinks.NONE);
    }

    /** A dissection that learns into, or (after {@link TwoPassLinks#endFirstPass}) shows, {@code links}. */
    public Dissection(Registry registry, PassLinks links) {
        this.registry = registry;
        this.links = links;
        this.frameHandle = registry.handle(FRAME_HANDLE);
        if (frameHandle == null) {
            throw new IllegalStateException("no \"frame\" dissector registered (is the dissectors module on the class path?)");
        }
    }

    public Registry registry() {
        return registry;
    }

    /** Tells frame dissection about pcapng sections and interface names (optional). */
    public void setCaptureContext(int section, List<String> interfaceNames) {
        this.sectionNumber = section;
        this.interfaceNames = interfaceNames;
    }

    public DissectedPacket dissect(RawFrame raw, DissectionOptions options) {
        long ts = raw.timestampNanos();
        if (firstNanos == Long.MIN_VALUE) {
            firstNanos = ts;
            prevCapturedNanos = ts;
        }
        if (prevCapturedNanos == Long.MIN_VALUE) {
            prevCapturedNanos = ts;
        }
        long prevDisplayed = prevDisplayedNanos == Long.MIN_VALUE ? ts : prevDisplayedNanos;
        if (renumbered) {
            // tshark finds "frame 1" as the reference frame, the first frame read, even when -R removed it.
            if (raw.number() == 2) {
                prevCapturedNanos = firstNanos;
            }
            if (prevDisplayedNumber == 1) {
                prevDisplayed = firstNanos;
            }
        }
        String ifName = raw.interfaceId() >= 0 && raw.interfaceId() < interfaceNames.size()
                ? interfaceNames.get(raw.interfaceId()) : null;
        FrameMeta meta = new FrameMeta(raw.number(), raw.fileOffset(), raw.linkType(), raw.interfaceId(), ts,
                raw.timePrecisionDigits(), raw.originalLength(), raw.data().length, firstNanos, prevCapturedNanos,
                prevDisplayed, sectionNumber, ifName);
        prevCapturedNanos = ts;

        DataSource source = new DataSource("Frame", raw.data());
        Tvb tvb = Tvb.of(source, raw.originalLength());
        PacketTree tree = new PacketTree(options.detailed(), options.interest());
        Columns columns = new Columns(options.columns());
        PacketState state = new PacketState(meta, registry, capture, columns, false, source, payloadWanted(options),
                links);
        state.call(frameHandle, tvb, tree.root());
        return new DissectedPacket(meta, tree, columns, state.src(), state.dst(), state.netSrc(), state.netDst(),
                state.dlSrc(), state.dlDst(), state.layers(), state.dataSources(), state.malformed(), state.tapped());
    }

    /**
     * What {@code shortcut} makes of a frame (see {@link FlowShortcut}) for a run dissecting with
     * {@code options}: on {@link FlowShortcut.Outcome#FLOW} the flow is {@link #lastFlow}; on a decline
     * the frame is to be dissected. A frame the shortcut takes counts as dissected and displayed for
     * the timing of the frames after it.
     */
    public FlowShortcut.Outcome flow(RawFrame raw, FlowShortcut shortcut, LongPredicate take, DissectionOptions options) {
        return flow(raw.data(), raw.data().length, raw.linkType(), raw.originalLength(), raw.number(),
                raw.timestampNanos(), shortcut, run(take, options));
    }

    /** {@link #flow(RawFrame, FlowShortcut, LongPredicate, DissectionOptions)} for a frame known by its record and first bytes. */
    public FlowShortcut.Outcome flow(FrameHead head, byte[] firstBytes, FlowShortcut shortcut, LongPredicate take,
            DissectionOptions options) {
        return flow(firstBytes, head.capturedLength(), head.linkType(), head.originalLength(), head.number(),
                head.timestampNanos(), shortcut, run(take, options));
    }

    /** The flow of the frame the shortcut took last; filled again for the next frame. */
    public FlowShortcut.Flow lastFlow() {
        return lastFlow;
    }

    private FlowShortcut.Outcome flow(byte[] bytes, int capturedLength, int linkType, int originalLength, long number,
            long timestampNanos, FlowShortcut shortcut, FlowShortcut.Run run) {
        FlowShortcut.Outcome outcome = shortcut.flow(bytes, capturedLength, linkType, originalLength, number,
                timestampNanos, run, lastFlow);
        if (outcome != FlowShortcut.Outcome.DECLINED) {
            passAt(timestampNanos, true);
            prevDisplayedNumber = number;
        }
        return outcome;
    }

    /** The run's constant part, made again only when the caller's predicate or options change. */
    private FlowShortcut.Run run(LongPredicate take, DissectionOptions options) {
        FlowShortcut.Run r = shortcutRun;
        if (r == null || r.take() != take || options != shortcutOptions) {
            r = new FlowShortcut.Run(capture, take, payloadWanted(options));
            shortcutRun = r;
            shortcutOptions = options;
        }
        return r;
    }

    /** Nanoseconds from the capture's first frame to a frame of this time (frame.time_relative). */
    public long relativeNanos(long timestampNanos) {
        return firstNanos == Long.MIN_VALUE ? 0 : timestampNanos - firstNanos;
    }

    /**
     * Dissects a frame the read filter (tshark -R) removed from the capture, so that the state it
     * builds is there for the frames after it, as in the first pass: the timing of the frames kept
     * (frame.time_delta) skips it, but frame.time_relative still counts from the file's first frame.
     */
    public DissectedPacket dissectRemoved(RawFrame raw, DissectionOptions options) {
        boolean first = firstNanos == Long.MIN_VALUE;
        long prev = prevCapturedNanos;
        renumbered = true;
        DissectedPacket p = dissect(raw, options);
        prevCapturedNanos = first ? Long.MIN_VALUE : prev;
        return p;
    }

    /**
     * Makes decryption secrets known to the dissectors of this capture from now on: the payload of a
     * pcapng Decryption Secrets Block, or a key log the user loaded. For TLS, {@code secretsType} is
     * {@link DecryptionSecrets#TLS_KEY_LOG} and {@code data} the text of an NSS key log
     * (SSLKEYLOGFILE); sessions whose handshake is dissected after this call can then be decrypted.
     */
    public void addDecryptionSecrets(int secretsType, byte[] data) {
        capture.addSecrets(secretsType, data);
    }

    /** Adds a Decryption Secrets Block's payload, as {@link #addDecryptionSecrets(int, byte[])}. */
    public void addDecryptionSecrets(DecryptionSecrets secrets) {
        addDecryptionSecrets(secrets.secretsType(), secrets.data());
    }

    /** {@link TransportPayloadNeed} for these options, remembered for the next frame (consumers reuse one). */
    private boolean payloadWanted(DissectionOptions options) {
        if (options != lastOptions) {
            lastPayloadWanted = TransportPayloadNeed.wanted(registry, options);
            lastOptions = options;
        }
        return lastPayloadWanted;
    }

    /**
     * The per-capture state a dissector keeps under {@code key} (see {@code PacketInfo.state}), or null
     * when none was created: how end-of-capture reports read what dissectors recorded (e.g. the TLS
     * handshake ladder of {@code -z tls,flow}).
     */
    public <T> T state(Key<T> key) {
        return capture.get(key);
    }

    /**
     * Starts the timing of a capture whose first frames another reader dissects (a split of a file):
     * frame.time_relative counts from {@code firstNanos}, the file's first frame.
     */
    public void resumeAt(long firstNanos) {
        this.firstNanos = firstNanos;
        this.prevCapturedNanos = firstNanos;
    }

    /**
     * Counts a frame that this dissection does not dissect (another reader does) for the timing of
     * the frames after it: frame.time_delta, and frame.time_delta_displayed when {@code displayed}.
     */
    public void pass(RawFrame raw, boolean displayed) {
        passAt(raw.timestampNanos(), displayed);
    }

    private void passAt(long ts, boolean displayed) {
        if (firstNanos == Long.MIN_VALUE) {
            firstNanos = ts;
        }
        prevCapturedNanos = ts;
        if (displayed) {
            prevDisplayedNanos = ts;
        }
    }

    /** Records that {@code packet} was displayed, for frame.time_delta_displayed of later frames. */
    public void markDisplayed(DissectedPacket packet) {
        prevDisplayedNanos = packet.frame().timestampNanos();
        prevDisplayedNumber = packet.frame().number();
    }

    /** Dissector bugs seen so far (exceptions other than bounds errors), at most 100 kept. */
    public List<String> bugReports() {
        return capture.bugs().stream().map(b -> "frame " + b.frame() + ": " + b.dissector() + ": " + b.error()).toList();
    }

    public long bugCount() {
        return capture.bugCount();
    }
}
