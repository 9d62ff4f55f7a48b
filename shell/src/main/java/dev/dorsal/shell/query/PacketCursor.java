package dev.dorsal.shell.query;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.capture.FrameIndex;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.shell.session.LoadedCapture;
import dev.dorsal.shell.session.Replay;
import java.util.BitSet;
import java.util.List;
import org.graalvm.polyglot.HostAccess.Export;

/**
 * The lazy iteration behind {@code capture.packets(filter)}: each {@link #next()} dissects frames in
 * order until one passes the filter (and the shell's view). Dissection builds the filter's fields and
 * those the script has read so far; a packet asked for more is dissected in full by a second replay
 * that follows the first, so values are always right and the common case stays cheap.
 */
public final class PacketCursor {
    private final QueryHost host;
    private final Registry registry;
    private final LoadedCapture capture;
    private final DisplayFilter filter;
    private final Replay main;
    private final Replay detail;
    private final BitSet interest = new BitSet();
    private final int size;
    private long n;

    PacketCursor(QueryHost host, Registry registry, LoadedCapture capture, DisplayFilter filter, BitSet scriptFields)
            throws CaptureFileException {
        this.host = host;
        this.registry = registry;
        this.capture = capture;
        this.filter = filter;
        this.main = capture.newReplay(registry);
        this.detail = capture.newReplay(registry);
        if (filter != null) {
            for (FieldDef d : filter.fieldsUsed()) {
                if (d.id() >= 0) {
                    interest.set(d.id());
                }
            }
        }
        interest.or(scriptFields);
        this.size = capture.index(host.progress(), host.cancelToken()).size();
    }

    /** The next packet that passes the filter, or null at the end. */
    @Export
    public PacketHandle next() {
        host.hostEnter();
        try {
            while (n < size) {
                n++;
                if (!capture.inView(n)) {
                    continue;
                }
                if (n % 1024 == 0) {
                    host.cancelToken().check();
                    host.progress().update("reading " + capture.name(), n, size);
                }
                DissectedPacket p = main.dissect(n, new DissectionOptions(false, (BitSet) interest.clone(), false, true),
                        dev.dorsal.shell.session.Progress.NONE, host.cancelToken());
                if (filter == null || filter.matches(p)) {
                    return new PacketHandle(this, p);
                }
            }
            host.progress().done();
            return null;
        } catch (CaptureFileException e) {
            throw new QueryHost.QueryError(e.tsharkMessage().replace("tshark: ", ""));
        } finally {
            host.hostExit();
        }
    }

    /** The definitions of {@code field}; a name no dissector registered is the script's mistake. */
    List<FieldDef> fieldDefs(String field) {
        List<FieldDef> defs = registry.fields().lookup(field);
        if (defs.isEmpty()) {
            throw new QueryHost.QueryError("no field named \"" + field + "\" (the shell's fields command lists them)");
        }
        return defs;
    }

    /** Builds {@code defs} for every later packet. */
    void learn(List<FieldDef> defs) {
        for (FieldDef d : defs) {
            if (d.id() >= 0) {
                interest.set(d.id());
            }
        }
    }

    /** Frame {@code number} dissected with a full tree and columns. */
    DissectedPacket fullDissection(long number) {
        host.hostEnter();
        try {
            return detail.dissect(number, DissectionOptions.FULL, dev.dorsal.shell.session.Progress.NONE, host.cancelToken());
        } catch (CaptureFileException e) {
            throw new QueryHost.QueryError(e.tsharkMessage().replace("tshark: ", ""));
        } finally {
            host.hostExit();
        }
    }
}
