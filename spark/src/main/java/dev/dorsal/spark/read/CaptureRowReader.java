package dev.dorsal.spark.read;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.capture.DecryptionSecrets;
import dev.dorsal.engine.capture.InterfaceInfo;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.filter.FilterException;
import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.registry.ProcessRegistry;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.spark.ColumnKind;
import dev.dorsal.spark.FieldColumn;
import dev.dorsal.spark.split.CaptureSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one split: frames from the file, dissected in order by one {@link Dissection}, kept when the
 * display filter passes them, turned into rows. A cut-short or corrupt file ends the split after its
 * last intact frame, with a warning naming the file and offset (as tshark prints every intact frame
 * and then the error).
 */
final class CaptureRowReader implements PartitionReader<InternalRow> {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureRowReader.class);
    /** Fields numbered across the whole file: at flow level, other groups' frames are dissected for them. */
    private static final List<String> STREAM_INDEXES = List.of("tcp.stream", "udp.stream");

    private final ScanPlan plan;
    private final CaptureSplit split;
    private final ScriptGate gate;
    private final SplitFrames frames;
    private final Dissection dissection;
    private final DisplayFilter filter;
    private final DissectionOptions options;
    /** Flow level: options for other groups' frames when stream indexes are wanted, else null. */
    private final DissectionOptions numberingOptions;
    private final RowBuilder rows;
    private int secretsForwarded;
    private int namesFor = -1;
    private List<String> names = List.of();
    private InternalRow current;
    private boolean done;

    CaptureRowReader(ScanPlan plan, CaptureSplit split) {
        this.plan = plan;
        this.split = split;
        Registry registry = ProcessRegistry.get();
        this.gate = ScriptGate.enter(plan.options().scripts(), registry, false);
        try {
            FieldRegistry fields = registry.fields();
            this.filter = compile(plan.filter(), fields);
            BitSet interest = interest(plan.columns(), filter, fields);
            interest.or(gate.interest());
            boolean detailed = plan.columns().stream().anyMatch(c -> needsLabel(c, fields));
            boolean columns = plan.columns().stream().anyMatch(c -> c.kind() == ColumnKind.SUMMARY);
            this.options = detailed ? DissectionOptions.FULL
                    : new DissectionOptions(false, gate.wantsAllFields() ? null : interest, columns);
            this.numberingOptions = split.kind() == CaptureSplit.Kind.FLOW ? numbering(interest, fields) : null;
            this.dissection = new Dissection(registry);
            if (plan.options().keyLog() != null) {
                dissection.addDecryptionSecrets(DecryptionSecrets.TLS_KEY_LOG,
                        plan.options().keyLog().getBytes(StandardCharsets.UTF_8));
            }
            this.frames = new SplitFrames(split, plan.conf());
            if (frames.previous() != null) {
                dissection.resumeAt(frames.firstNanos(plan.conf()));
                dissection.pass(frames.previous(), filter == null);
            }
            this.rows = new RowBuilder(plan.columns(), plan.options().occurrence(), split.path(),
                    plan.options().text());
        } catch (IOException e) {
            gate.close();
            throw new UncheckedIOException("dorsal: " + split + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            gate.close();
            throw e;
        }
    }

    @Override
    public boolean next() {
        while (!done) {
            RawFrame raw;
            try {
                raw = frames.next();
            } catch (CaptureFileException e) {
                LOG.warn("dorsal: {} (offset {})", e.tsharkMessage(), e.offset());
                done = true;
                return false;
            }
            if (raw == null) {
                done = true;
                if (split.problem() != null) {
                    LOG.warn("dorsal: {}: {}; the frames before it were read", split.path(), split.problem());
                }
                return false;
            }
            context(raw);
            if (split.kind() == CaptureSplit.Kind.FLOW && FlowKeys.group(raw, split.groups()) != split.group()) {
                if (numberingOptions != null) {
                    dissection.dissect(raw, numberingOptions);
                } else {
                    dissection.pass(raw, filter == null);
                }
                continue;
            }
            DissectedPacket p = dissection.dissect(raw, options);
            if (filter != null && !filter.matches(p)) {
                continue;
            }
            dissection.markDisplayed(p);
            current = rows.row(raw, p);
            return true;
        }
        return false;
    }

    @Override
    public InternalRow get() {
        return current;
    }

    @Override
    public void close() throws IOException {
        try {
            frames.close();
        } finally {
            gate.close();
        }
    }

    /** Interface names, the pcapng section and decryption secrets blocks met so far. */
    private void context(RawFrame raw) {
        List<InterfaceInfo> interfaces = frames.interfaces();
        if (interfaces.size() != namesFor) {
            names = new ArrayList<>(interfaces.size());
            for (InterfaceInfo i : interfaces) {
                names.add(i.name());
            }
            namesFor = interfaces.size();
        }
        dissection.setCaptureContext(frames.section(raw), names);
        List<DecryptionSecrets> secrets = frames.decryptionSecrets();
        while (secretsForwarded < secrets.size()) {
            dissection.addDecryptionSecrets(secrets.get(secretsForwarded++));
        }
    }

    private static DisplayFilter compile(String text, FieldRegistry fields) {
        if (text == null) {
            return null;
        }
        try {
            return DisplayFilter.compile(text, fields);
        } catch (FilterException e) {
            throw new IllegalArgumentException("dorsal: " + e.getMessage(), e);
        }
    }

    /** Field ids dissection must build: the columns' fields and the filter's, under every registration of their names. */
    static BitSet interest(List<FieldColumn> columns, DisplayFilter filter, FieldRegistry fields) {
        BitSet interest = new BitSet();
        for (FieldColumn c : columns) {
            if (c.kind() == ColumnKind.FIELD) {
                fields.lookup(c.name()).forEach(d -> interest.set(d.id()));
            }
        }
        if (filter != null) {
            Set<FieldDef> used = filter.fieldsUsed();
            for (FieldDef d : used) {
                fields.lookup(d.abbrev()).forEach(same -> interest.set(same.id()));
                if (d.id() >= 0) {
                    interest.set(d.id());
                }
            }
        }
        return interest;
    }

    /** Other groups' frames are dissected for tcp.stream / udp.stream only when those are wanted. */
    private static DissectionOptions numbering(BitSet interest, FieldRegistry fields) {
        BitSet indexes = new BitSet();
        for (String name : STREAM_INDEXES) {
            fields.lookup(name).forEach(d -> indexes.set(d.id()));
        }
        if (!indexes.intersects(interest)) {
            return null;
        }
        return new DissectionOptions(false, indexes, false);
    }

    /** A protocol's value in -T fields is its tree label, which only a detailed tree has. */
    private static boolean needsLabel(FieldColumn c, FieldRegistry fields) {
        if (c.kind() != ColumnKind.FIELD) {
            return false;
        }
        for (FieldDef d : fields.lookup(c.name())) {
            if (d.type() == FieldType.PROTOCOL) {
                return true;
            }
        }
        return false;
    }
}
