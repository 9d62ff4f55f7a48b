package dev.dorsal.shell.cli;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.capture.CaptureFileWriter;
import dev.dorsal.engine.capture.CaptureFormat;
import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.FrameHead;
import dev.dorsal.engine.capture.CaptureWriteException;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.capture.SectionInfo;
import dev.dorsal.engine.registry.Registry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the capture front to back, dissects each frame, applies {@code -Y}, and prints (and with
 * {@code -w} writes) every displayed packet. A file that breaks off still prints every intact packet
 * before the error. With -2 a {@link FirstPass} reads the file first, and this is the second pass:
 * it dissects from fresh state again, with what the first learned, and prints only the frames -R kept.
 */
final class BatchRun {
    /** Bytes of a frame read before deciding to read all of it: every link, network and transport header. */
    private static final int HEAD_BYTES = 128;

    private final Plan plan;
    private final Registry registry;
    private final PrintStream out;
    private final PrintStream err;

    BatchRun(Plan plan, Registry registry, PrintStream out, PrintStream err) {
        this.plan = plan;
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    int execute() throws UsageError {
        FirstPass first = null;
        if (plan.twoPass() != null) {
            if (plan.file().equals("-")) {
                throw new UsageError("The standard input is a pipe or FIFO; TShark can't read pipe or FIFO files in "
                        + "two-pass mode.", BatchCommand.EXIT_FILE_OR_FILTER);
            }
            first = FirstPass.run(plan, registry);
        }
        CaptureReader reader;
        try {
            reader = plan.file().equals("-") ? Captures.open(System.in, "-") : Captures.open(Path.of(plan.file()));
        } catch (CaptureFileException e) {
            throw new UsageError(e.tsharkMessage(), BatchCommand.EXIT_FILE_OR_FILTER);
        }
        KeyLogNotice.check(registry, err);
        Saver saver = openSaver(reader);
        PacketPipeline pipeline = new PacketPipeline(plan, registry, out, first == null ? null : first.links());
        int secretsForwarded = 0;
        List<String> names = List.of();
        int namesFor = -1;
        IOException failure = null;
        try (reader; saver) {
            long read = 0;
            long displayed = 0;
            long sizeLimit = plan.stop().filesizeKb() * 1000;
            long limit = first == null ? plan.count() : first.read();
            long keptCount = 0;
            // Frames the taps take by their headers alone are not copied out of the file whole.
            byte[] head = first == null && saver == null && sizeLimit == 0 && pipeline.takesHeads()
                    ? new byte[HEAD_BYTES] : null;
            while (read < limit) {
                if (head != null) {
                    FrameHead h = reader.peek(head);
                    if (h != null && pipeline.acceptHead(h, head)) {
                        reader.skipPeeked();
                        read++;
                        displayed++;
                        if (plan.stop().packets() > 0 && displayed >= plan.stop().packets()) {
                            break;
                        }
                        continue;
                    }
                }
                RawFrame raw = reader.next();
                if (raw == null || (sizeLimit > 0 && raw.fileOffset() >= sizeLimit)) {
                    break;
                }
                read++;
                List<InterfaceInfo> interfaces = reader.interfaces();
                if (interfaces.size() != namesFor) { // a list per packet would cost more than the lookup
                    names = names(interfaces);
                    namesFor = interfaces.size();
                }
                pipeline.context(section(reader, raw), names);
                // Decryption Secrets Blocks read so far (pcapng keeps them between packets): TLS
                // sessions after them decrypt.
                List<dev.dorsal.engine.capture.DecryptionSecrets> secrets = reader.decryptionSecrets();
                while (secretsForwarded < secrets.size()) {
                    pipeline.addDecryptionSecrets(secrets.get(secretsForwarded++));
                }
                if (first != null) {
                    raw = FirstPass.renumber(raw, keptCount + 1);
                    if (!first.kept(read - 1)) {
                        pipeline.dissectRemoved(raw); // -R dropped it: its state stays, it is not listed
                        continue;
                    }
                    keptCount++;
                }
                if (pipeline.accept(raw)) {
                    displayed++;
                    if (saver != null) {
                        saver.write(raw);
                    }
                    if (plan.stop().packets() > 0 && displayed >= plan.stop().packets()) {
                        break;
                    }
                }
            }
        } catch (CaptureFileException | CaptureWriteException e) {
            failure = e;
        } catch (IOException e) {
            failure = new CaptureFileException(CaptureFileException.Kind.READ_ERROR, plan.file(), e.getMessage(), -1, e);
        }
        pipeline.finish();
        if (failure instanceof CaptureFileException e) {
            throw new UsageError(e.tsharkMessage(), BatchCommand.EXIT_FILE_OR_FILTER);
        }
        if (failure instanceof CaptureWriteException e) {
            throw new UsageError(e.tsharkMessage(), BatchCommand.EXIT_FILE_OR_FILTER);
        }
        for (String bug : pipeline.bugReports()) {
            err.println(BatchCommand.PREFIX + "dissector bug: " + bug);
        }
        return BatchCommand.EXIT_OK;
    }

    /** Opens the -w file before anything is printed, as tshark does; null without -w. */
    private Saver openSaver(CaptureReader reader) throws UsageError {
        if (plan.save() == null) {
            return null;
        }
        try {
            return new Saver(plan.save(), reader, out);
        } catch (CaptureWriteException e) {
            closeQuietly(reader);
            throw new UsageError(e.tsharkMessage(), BatchCommand.EXIT_FILE_OR_FILTER);
        }
    }

    private static void closeQuietly(CaptureReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // the write failure is the one to report
        }
    }

    /** The pcapng section frame dissection shows (1-based), 0 for pcap. */
    static int section(CaptureReader reader, RawFrame raw) {
        if (reader.format() != CaptureFormat.PCAPNG) {
            return 0;
        }
        List<InterfaceInfo> interfaces = reader.interfaces();
        int id = raw.interfaceId();
        return id >= 0 && id < interfaces.size() ? interfaces.get(id).section() + 1 : 0;
    }

    private static List<String> names(List<InterfaceInfo> interfaces) {
        List<String> names = new ArrayList<>(interfaces.size());
        for (InterfaceInfo i : interfaces) {
            names.add(i.name());
        }
        return names;
    }

    /**
     * Writes the displayed frames of a file being read, as {@code tshark -r in -Y f -w out} does: every
     * interface and secrets block the reader has met, each before the first frame that could need it.
     */
    private static final class Saver implements AutoCloseable {
        private final CaptureReader reader;
        private final CaptureFileWriter writer;
        private int secretsWritten;

        Saver(Plan.Save save, CaptureReader reader, PrintStream stdout) throws CaptureWriteException {
            this.reader = reader;
            this.writer = save.toStdout()
                    ? CaptureFileWriter.open(stdout, "-", save.format(), reader.interfaces(), SectionInfo.DORSAL)
                    : CaptureFileWriter.open(Path.of(save.path()), save.format(), reader.interfaces());
            catchUp();
        }

        void write(RawFrame raw) throws IOException {
            catchUp();
            writer.write(raw);
        }

        /** Declares interfaces and writes secrets the reader found since the last frame. */
        private void catchUp() throws CaptureWriteException {
            try {
                List<InterfaceInfo> ifs = reader.interfaces();
                while (writer.interfaces().size() < ifs.size()) {
                    writer.addInterface(ifs.get(writer.interfaces().size()));
                }
                var secrets = reader.decryptionSecrets();
                for (; secretsWritten < secrets.size(); secretsWritten++) {
                    writer.writeSecrets(secrets.get(secretsWritten));
                }
            } catch (CaptureWriteException e) {
                throw e;
            } catch (IOException e) {
                throw new CaptureWriteException(CaptureWriteException.Kind.WRITE_ERROR, "-", e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
