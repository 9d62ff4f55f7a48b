package dev.dorsal.shell.cli;

import dev.dorsal.engine.capture.CaptureFormat;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.PacketFormatter;
import dev.dorsal.engine.stats.Tap;
import java.util.List;

/**
 * What one run does: where packets come from (a file, or a live device), how they are dissected,
 * filtered and printed, where the displayed ones are saved, and when to stop.
 *
 * @param file the capture file to read, or null for a live capture
 * @param formatter the output formatter, or null when nothing is printed (-q, or -w without -P/-V/-x)
 * @param filter the -Y display filter, or null
 * @param count -c: packets to read or capture ({@code Long.MAX_VALUE} for all)
 * @param taps the -z statistics, in command-line order
 * @param save the -w target, or null
 * @param live the live capture, or null when reading a file
 * @param stop the -a conditions
 * @param scripts the JavaScript loaded for the run (-X js_script, plugins), or null
 * @param twoPass the first pass of -2, or null for a single pass
 */
record Plan(String file, PacketFormatter formatter, DissectionOptions options, PacketFilter filter, long count,
        List<Tap> taps, Save save, Live live, CaptureArgs.Autostop stop, CliScripts scripts,
        TwoPass twoPass) {

    /**
     * tshark's -2: the first pass dissects every frame with {@code options} (every protocol, so every
     * link is learned) and keeps those matching {@code readFilter} (-R; null keeps all).
     */
    record TwoPass(PacketFilter readFilter, DissectionOptions options) {}

    /** Where -w writes: a path or "-" for stdout, the file type, and the -b ring buffer. */
    record Save(String path, CaptureFormat format, CaptureArgs.Ring ring) {
        boolean toStdout() {
            return path.equals("-");
        }
    }

    /**
     * A live capture: the -i argument (null: the first non-loopback device, as tshark), the BPF filter,
     * snap length (0: default), promiscuous mode, kernel buffer, and how much to say on stderr.
     */
    record Live(String device, String captureFilter, int snapLen, boolean promiscuous, int bufferBytes,
            boolean quiet, boolean reallyQuiet) {}
}
