package dev.dorsal.shell.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The tshark options the batch CLI understands: what each sets, and its line in {@code -h}. Parsed by
 * {@link OptionParser} the way tshark's getopt does.
 */
final class BatchOptions {
    String readFile;

    String displayFilter;

    /** tshark's trailing arguments: a display filter when reading a file, else a capture filter. */
    List<String> trailingFilter = new ArrayList<>();

    String glossary;

    List<String> decodeAs = new ArrayList<>();

    boolean twoPass;

    String readFilter;

    String count;

    List<String> interfaces = new ArrayList<>();

    boolean listInterfaces;

    String captureFilter;

    String snapLen;

    boolean noPromiscuous;

    String bufferSize;

    List<String> autostop = new ArrayList<>();

    List<String> ringBuffer = new ArrayList<>();

    String writeFile;

    String writeFormat;

    boolean lineBuffered;

    boolean reallyQuiet;

    String format;

    List<String> fields = new ArrayList<>();

    List<String> fieldOptions = new ArrayList<>();

    boolean verbose;

    String onlyProtocols;

    boolean printSummary;

    boolean hex;

    String timeFormat;

    boolean noResolution;

    String resolutionFlags;

    List<String> preferences = new ArrayList<>();

    List<String> statistics = new ArrayList<>();

    List<String> extensions = new ArrayList<>();

    boolean quiet;

    String checkFilter;

    boolean help;

    boolean version;

    /** The first lines of {@code -h}, and its last. */
    static final String DESCRIPTION =
            "Dissects a capture file, or captures live, and prints packets the way tshark 4.0 does.";
    static final String FOOTER =
            "Output formats: -T text (default one-line summary, -V details), -T fields with -e, -T json.\n"
            + "Live capture (libpcap): -i IFACE [-f BPF] [-s N] [-p] [-c N] [-a duration:S|filesize:KB|packets:N|files:N]"
            + " [-w FILE [-F pcapng|pcap|nsecpcap] [-b filesize:KB|files:N|duration:S|packets:N|interval:S]].";
    /** The label of the trailing words in the usage line, and their help. */
    static final String TRAILING_LABEL = "FILTER";
    static final String TRAILING_HELP = "with -r: a display filter (as -Y); when capturing: a capture filter (as -f)";

    /**
     * One option: its names, the label of its value (null for a flag), the value it takes when none is
     * given (null: a value is required), its help line, and what it sets.
     */
    record Spec(List<String> names, String label, String fallback, String help, BiConsumer<BatchOptions, String> set) {
        boolean takesValue() {
            return label != null;
        }
    }

    static final List<Spec> SPECS = List.of(
            value("FILE", "read packets from FILE (pcap or pcapng; '-' for stdin)",
                    (o, v) -> o.readFile = v, "-r", "--read-file"),
            value("FILTER", "print only packets matching the display filter",
                    (o, v) -> o.displayFilter = v, "-Y", "--display-filter"),
            optionalValue("REPORT", "fields", "print a glossary and exit: fields (default), protocols, decodes",
                    (o, v) -> o.glossary = v, "-G"),
            value("LAYER==SELECTOR,PROTOCOL", "decode the packets of a table entry as PROTOCOL, e.g."
                    + " tcp.port==8888,http (repeatable)",
                    (o, v) -> o.decodeAs.add(v), "-d"),
            flag("two-pass analysis: dissect every frame first, then print with links to later frames",
                    o -> o.twoPass = true, "-2"),
            value("FILTER", "with -2: drop the packets not matching FILTER in the first pass",
                    (o, v) -> o.readFilter = v, "-R", "--read-filter"),
            value("N", "stop after reading (or capturing) N packets", (o, v) -> o.count = v, "-c"),
            value("IFACE", "capture live on IFACE (a name, or a number from -D)",
                    (o, v) -> o.interfaces.add(v), "-i", "--interface"),
            flag("print the interfaces live capture can use and exit",
                    o -> o.listInterfaces = true, "-D", "--list-interfaces"),
            value("BPF", "capture filter in libpcap syntax (live capture)", (o, v) -> o.captureFilter = v, "-f"),
            value("N", "bytes to keep of each captured packet (default 262144)",
                    (o, v) -> o.snapLen = v, "-s", "--snapshot-length"),
            flag("don't capture in promiscuous mode", o -> o.noPromiscuous = true, "-p", "--no-promiscuous-mode"),
            value("MiB", "kernel capture buffer size in MiB (default libpcap's)",
                    (o, v) -> o.bufferSize = v, "-B", "--buffer-size"),
            value("COND", "stop a live capture: duration:SECONDS, filesize:KB, files:N, packets:N (repeatable)",
                    (o, v) -> o.autostop.add(v), "-a", "--autostop"),
            value("OPT", "with -w, write a series of files: filesize:KB, files:N, duration:S, packets:N, interval:S"
                    + " (repeatable)",
                    (o, v) -> o.ringBuffer.add(v), "-b", "--ring-buffer"),
            value("FILE", "write the packets (those passing -Y) to FILE ('-' for stdout)",
                    (o, v) -> o.writeFile = v, "-w"),
            value("TYPE", "file type for -w: pcapng (default), pcap, nsecpcap", (o, v) -> o.writeFormat = v, "-F"),
            flag("flush the output after each packet (live capture always does)", o -> o.lineBuffered = true, "-l"),
            flag("live capture: print nothing but errors (no packets, no counts)", o -> o.reallyQuiet = true, "-Q"),
            value("FORMAT", "output format: text, tabs, fields, json, pdml, psml, ek", (o, v) -> o.format = v, "-T"),
            value("FIELD", "field to print with -T fields, json, pdml or ek (repeatable)",
                    (o, v) -> o.fields.add(v), "-e"),
            value("OPTION=VALUE", "fields output option: header=y|n, separator=/t|/s|<c>, quote=d|s|n,"
                    + " occurrence=f|l|a, aggregator=,|/s|<c>, bom=y|n",
                    (o, v) -> o.fieldOptions.add(v), "-E"),
            flag("print the packet details tree", o -> o.verbose = true, "-V"),
            value("PROTOCOLS", "print details only of these comma-separated protocols",
                    (o, v) -> o.onlyProtocols = v, "-O"),
            flag("print the summary line also with -V or -x", o -> o.printSummary = true, "-P"),
            flag("print a hex and ASCII dump of the packet data", o -> o.hex = true, "-x"),
            value("FORMAT", "time column format: a|ad|adoy|d|dd|e|r|u|ud|udoy (default r)",
                    (o, v) -> o.timeFormat = v, "-t"),
            flag("disable all name resolution", o -> o.noResolution = true, "-n"),
            value("FLAGS", "enable specific name resolution (accepted; only 'm' has an effect)",
                    (o, v) -> o.resolutionFlags = v, "-N"),
            value("PREF:VALUE", "override a preference (repeatable)", (o, v) -> o.preferences.add(v), "-o"),
            value("STATISTICS", "print statistics after the packets: conv,tcp, endpoints,ip, io,phs, io,stat,1,"
                    + " follow,tcp,ascii,0, expert… (repeatable; -z help lists them)",
                    (o, v) -> o.statistics.add(v), "-z"),
            value("KEY:VALUE", "js_script:FILE loads a JavaScript dissector or query script, as tshark's -X"
                    + " lua_script: (repeatable)",
                    (o, v) -> o.extensions.add(v), "-X"),
            flag("do not print packets (quiet)", o -> o.quiet = true, "-q"),
            value("FILTER", "only compile the display filter: print OK, or tshark's error (exit 2)",
                    (o, v) -> o.checkFilter = v, "--check-filter"),
            flag("print this help and exit", o -> o.help = true, "-h", "--help"),
            flag("print version information and exit", o -> o.version = true, "-v", "--version"));

    private static Spec flag(String help, Consumer<BatchOptions> set, String... names) {
        return new Spec(List.of(names), null, null, help, (o, v) -> set.accept(o));
    }

    private static Spec value(String label, String help, BiConsumer<BatchOptions, String> set, String... names) {
        return new Spec(List.of(names), label, null, help, set);
    }

    private static Spec optionalValue(String label, String fallback, String help, BiConsumer<BatchOptions, String> set,
            String... names) {
        return new Spec(List.of(names), label, fallback, help, set);
    }
}
