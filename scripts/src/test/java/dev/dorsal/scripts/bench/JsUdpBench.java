package dev.dorsal.scripts.bench;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.script.JsEngine;
import dev.dorsal.engine.script.ScriptHost;
import java.nio.file.Path;

/**
 * The "JavaScript dissectors" benchmark (docs/benchmarks.md): reads a whole capture and dissects every
 * frame in summary mode (columns, no tree: what {@code dorsal -r FILE} does), once with the Java UDP
 * dissector and once with dissectors/udp.js put in its place with Decode-As. Not a test: run it with
 * scripts/bench/js_bench.sh, which times the whole process.
 *
 * <p>usage: JsUdpBench CAPTURE java|js [SCRIPT_DIR]
 */
public final class JsUdpBench {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path capture = Path.of(args[0]);
        boolean js = args[1].equals("js");
        Path scripts = Path.of(args.length > 2 ? args[2] : "scripts/dissectors");
        Registry registry = Registry.loadDefault();
        ScriptHost host = null;
        if (js) {
            host = new ScriptHost(registry);
            host.load(scripts.resolve("udp.js"));
            registry.findTable("ip.proto").decodeAs(17, registry.handle("udp_js"));
        }
        long ready = System.nanoTime();
        Dissection dissection = new Dissection(registry);
        long frames = 0;
        long infoChars = 0;
        try (CaptureReader reader = Captures.open(capture)) {
            RawFrame frame;
            while ((frame = reader.next()) != null) {
                DissectedPacket p = dissection.dissect(frame, DissectionOptions.SUMMARY);
                infoChars += p.columns().info().length() + p.columns().protocol().length();
                frames++;
            }
        }
        long end = System.nanoTime();
        System.out.printf("mode=%s runtime=%s options=%s frames=%d setup_s=%.2f dissect_s=%.2f total_s=%.2f info_chars=%d bugs=%d%n",
                args[1], js ? JsEngine.implementationName() : "-", js ? JsEngine.appliedOptions() : "-", frames,
                (ready - start) / 1e9, (end - ready) / 1e9, (end - start) / 1e9, infoChars, dissection.bugCount());
        if (host != null) {
            System.out.println("scripts: " + host.stats());
            host.close();
        }
    }
}
