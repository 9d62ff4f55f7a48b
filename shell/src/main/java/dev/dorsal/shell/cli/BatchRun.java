package dev.dorsal.shell.cli;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.PacketFormatter;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.stats.Tap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the capture front to back, dissects each frame, applies {@code -Y}, and writes every
 * displayed packet. A file that breaks off still prints every intact packet before the error.
 */
final class BatchRun {
    /**
     * What to run: the file, the formatter (null for -q), dissection options, filter, -c limit and the
     * -z statistics (in command-line order).
     */
    record Plan(String file, PacketFormatter formatter, DissectionOptions options, PacketFilter filter, long count,
            List<Tap> taps, CliScripts scripts) {}

    private final Plan plan;
    private final Registry registry;
    private final PrintStream err;
    private final OutputSink sink;
    private final PrintStream out;
    private int contextInterfaces = -1;
    private int contextSection = -1;
    private int secretsForwarded;

    BatchRun(Plan plan, Registry registry, PrintStream out, PrintStream err) {
        this.plan = plan;
        this.registry = registry;
        this.err = err;
        this.sink = new OutputSink(out);
        this.out = out;
    }

    int execute() throws UsageError {
        CaptureReader reader;
        try {
            reader = plan.file().equals("-") ? Captures.open(System.in, "-") : Captures.open(Path.of(plan.file()));
        } catch (CaptureFileException e) {
            throw new UsageError(e.tsharkMessage(), BatchCommand.EXIT_FILE_OR_FILTER);
        }
        KeyLogNotice.check(registry, err);
        Dissection dissection = new Dissection(registry);
        PacketFormatter formatter = plan.formatter();
        StringBuilder sb = sink.buffer();
        if (formatter != null) {
            formatter.begin(sb);
        }
        CaptureFileException failure = null;
        try (reader) {
            long read = 0;
            while (read < plan.count()) {
                RawFrame raw = reader.next();
                if (raw == null) {
                    break;
                }
                read++;
                updateContext(dissection, reader, raw);
                forwardSecrets(dissection, reader);
                DissectedPacket p = dissection.dissect(raw, plan.options());
                for (Tap t : plan.taps()) {
                    t.packet(p); // taps see every packet read, displayed or not, as in tshark
                }
                if (plan.scripts() != null) {
                    plan.scripts().host.tap(p); // so do the scripts' Listeners
                }
                if (plan.filter() != null && !plan.filter().matches(p)) {
                    continue;
                }
                dissection.markDisplayed(p);
                if (formatter != null) {
                    formatter.packet(p, sb);
                    sink.maybeFlush();
                }
            }
        } catch (CaptureFileException e) {
            failure = e;
        } catch (IOException e) {
            failure = new CaptureFileException(CaptureFileException.Kind.READ_ERROR, plan.file(), e.getMessage(), -1, e);
        }
        if (formatter != null) {
            formatter.end(sb);
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
        if (failure != null) {
            throw new UsageError(failure.tsharkMessage(), BatchCommand.EXIT_FILE_OR_FILTER);
        }
        if (dissection.bugCount() > 0) {
            for (String bug : dissection.bugReports()) {
                err.println(BatchCommand.PREFIX + "dissector bug: " + bug);
            }
        }
        return BatchCommand.EXIT_OK;
    }

    /**
     * Hands the dissection the Decryption Secrets Blocks read so far (pcapng keeps them between
     * packets; those before the first packet are known at open), so TLS sessions after them decrypt.
     */
    private void forwardSecrets(Dissection dissection, CaptureReader reader) {
        List<dev.dorsal.engine.capture.DecryptionSecrets> secrets = reader.decryptionSecrets();
        while (secretsForwarded < secrets.size()) {
            dissection.addDecryptionSecrets(secrets.get(secretsForwarded++));
        }
    }

    /** Tells frame dissection the pcapng section and interface names, when they change. */
    private void updateContext(Dissection dissection, CaptureReader reader, RawFrame raw) {
        List<InterfaceInfo> interfaces = reader.interfaces();
        int id = raw.interfaceId();
        int section = id >= 0 && id < interfaces.size() ? interfaces.get(id).section() + 1 : 0;
        if (reader.format() != dev.dorsal.engine.capture.CaptureFormat.PCAPNG) {
            section = 0;
        }
        if (interfaces.size() == contextInterfaces && section == contextSection) {
            return;
        }
        List<String> names = new ArrayList<>(interfaces.size());
        for (InterfaceInfo i : interfaces) {
            names.add(i.name());
        }
        dissection.setCaptureContext(section, names);
        contextInterfaces = interfaces.size();
        contextSection = section;
    }
}
