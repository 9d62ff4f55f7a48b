package dev.dorsal.bench;

import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dissection cost per pass over the capture's frames (held in memory), for the three kinds of
 * consumer: a few fields (-T fields), summary columns, and the full labelled tree (-V).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class DissectBenchmark {
    @Param({"fields", "summary", "full"})
    public String mode;

    private List<RawFrame> frames;
    private Registry registry;
    private DissectionOptions options;

    @Setup
    public void setup() throws IOException {
        frames = BenchCapture.frames(200_000);
        registry = Registry.loadDefault();
        BitSet interest = new BitSet();
        for (String name : List.of("frame.number", "ip.src", "tcp.srcport")) {
            for (FieldDef f : registry.fields().lookup(name)) {
                interest.set(f.id());
            }
        }
        options = switch (mode) {
            case "fields" -> new DissectionOptions(false, interest, false);
            case "summary" -> DissectionOptions.SUMMARY;
            default -> DissectionOptions.FULL;
        };
    }

    @Benchmark
    public int dissectAll() {
        Dissection d = new Dissection(registry);
        int nodes = 0;
        for (RawFrame f : frames) {
            DissectedPacket p = d.dissect(f, options);
            nodes += p.tree().nodeCount();
        }
        return nodes;
    }
}
