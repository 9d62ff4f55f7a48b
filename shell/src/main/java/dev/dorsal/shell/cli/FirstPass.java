package dev.dorsal.shell.cli;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.DecryptionSecrets;
import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.TwoPassLinks;
import dev.dorsal.engine.registry.Registry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The first pass of tshark's -2: dissects the frames the run reads, learns the links the second pass
 * shows, and applies -R. As in tshark, a frame's number in both passes counts only the frames -R kept
 * before it (a removed frame shares its number with the next one kept), and -c stops the reading once
 * that many frames were kept, or one frame more than that was read.
 */
final class FirstPass {
    private final TwoPassLinks links = new TwoPassLinks();
    private final BitSet kept = new BitSet();
    private long read;

    /** Reads {@code plan}'s file once; file errors become tshark's message, as in the second pass. */
    static FirstPass run(Plan plan, Registry registry) throws UsageError {
        FirstPass pass = new FirstPass();
        try {
            pass.read(plan, registry);
        } catch (IOException e) {
            // The second pass reads the same frames and reports the same error after printing them.
        }
        pass.links.endFirstPass();
        return pass;
    }

    private void read(Plan plan, Registry registry) throws IOException {
        Dissection dissection = new Dissection(registry, links);
        PacketFilter filter = plan.twoPass().readFilter();
        long sizeLimit = plan.stop().filesizeKb() * 1000;
        boolean limited = plan.count() != Long.MAX_VALUE;
        long keptCount = 0;
        int secretsForwarded = 0;
        int interfacesSeen = -1;
        try (CaptureReader reader = Captures.open(Path.of(plan.file()))) {
            while (!limited || (keptCount < plan.count() && read <= plan.count())) {
                RawFrame raw = reader.next();
                if (raw == null || (sizeLimit > 0 && raw.fileOffset() >= sizeLimit)) {
                    break;
                }
                List<InterfaceInfo> interfaces = reader.interfaces();
                if (interfaces.size() != interfacesSeen) {
                    List<String> names = new ArrayList<>();
                    interfaces.forEach(i -> names.add(i.name()));
                    dissection.setCaptureContext(BatchRun.section(reader, raw), names);
                    interfacesSeen = interfaces.size();
                }
                List<DecryptionSecrets> secrets = reader.decryptionSecrets();
                while (secretsForwarded < secrets.size()) {
                    dissection.addDecryptionSecrets(secrets.get(secretsForwarded++));
                }
                DissectedPacket p = dissection.dissect(renumber(raw, keptCount + 1), plan.twoPass().options());
                if (filter == null || filter.matches(p)) {
                    kept.set(Math.toIntExact(read));
                    keptCount++;
                }
                read++;
            }
        }
    }

    /** What the first pass learned, for the second pass's dissection. */
    TwoPassLinks links() {
        return links;
    }

    /** Frames the first pass read; the second pass reads as many. */
    long read() {
        return read;
    }

    /** Whether the {@code index}-th frame read (from 0) passed -R. */
    boolean kept(long index) {
        return kept.get(Math.toIntExact(index));
    }

    /** {@code raw} numbered {@code number}. */
    static RawFrame renumber(RawFrame raw, long number) {
        return raw.number() == number ? raw : new RawFrame(number, raw.fileOffset(), raw.linkType(),
                raw.interfaceId(), raw.timestampNanos(), raw.timePrecisionDigits(), raw.originalLength(), raw.data());
    }
}
