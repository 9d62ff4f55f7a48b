package dev.dorsal.bench;

import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FlowShortcut;
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
 * What -z conv,tcp pays per pass over the capture's frames (held in memory) to learn each frame's
 * TCP stream: through TCP's flow shortcut, or through the dissection of the fields the conversation
 * table reads (addresses, ports, stream index), which is what it did before the shortcut and still
 * does for the frames the shortcut declines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class FlowShortcutBenchmark {
    @Param({"shortcut", "dissect"})
    public String path;

    private List<RawFrame> frames;
    private Registry registry;
    private FlowShortcut shortcut;
    private DissectionOptions options;

    @Setup
    public void setup() throws IOException {
        frames = BenchCapture.frames(200_000);
        registry = Registry.loadDefault();
        shortcut = registry.flowShortcut("tcp");
        BitSet interest = new BitSet();
        for (String name : List.of("ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "tcp", "tcp.srcport", "tcp.dstport",
                "tcp.stream")) {
            for (FieldDef f : registry.fields().lookup(name)) {
                interest.set(f.id());
            }
        }
        options = new DissectionOptions(false, interest, false);
    }

    @Benchmark
    public long streamsOfAllFrames() {
        Dissection d = new Dissection(registry);
        long sum = 0;
        for (RawFrame f : frames) {
            FlowShortcut.Outcome outcome = path.equals("shortcut") ? d.flow(f, shortcut, s -> true, options)
                    : FlowShortcut.Outcome.DECLINED;
            sum += switch (outcome) {
                case FLOW -> d.lastFlow().stream();
                case NO_FLOW -> 0;
                case DECLINED -> d.dissect(f, options).tree().nodeCount();
            };
        }
        return sum;
    }
}
