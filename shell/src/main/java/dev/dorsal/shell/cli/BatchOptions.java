package dev.dorsal.shell.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The tshark options the batch CLI understands, as parsed by picocli. */
@Command(name = "dorsal", sortOptions = false, usageHelpAutoWidth = true,
        description = "Dissects a capture file, or captures live, and prints packets the way tshark 4.0 does.",
        footer = "%nOutput formats: -T text (default one-line summary, -V details), -T fields with -e, -T json."
                + "%nLive capture (libpcap): -i IFACE [-f BPF] [-s N] [-p] [-c N] [-a duration:S|filesize:KB|packets:N|files:N]"
                + " [-w FILE [-F pcapng|pcap|nsecpcap] [-b filesize:KB|files:N|duration:S|packets:N|interval:S]].")
final class BatchOptions {
    @Option(names = {"-r", "--read-file"}, paramLabel = "FILE", description = "read packets from FILE (pcap or pcapng; '-' for stdin)")
    String readFile;

    @Option(names = {"-Y", "--display-filter"}, paramLabel = "FILTER", description = "print only packets matching the display filter")
    String displayFilter;

    /** tshark's trailing arguments: a display filter when reading a file, else a capture filter. */
    @Parameters(paramLabel = "FILTER", arity = "0..*",
            description = "with -r: a display filter (as -Y); when capturing: a capture filter (as -f)")
    List<String> trailingFilter = new ArrayList<>();

    @Option(names = "-G", arity = "0..1", fallbackValue = "fields", paramLabel = "REPORT",
            description = "print a glossary and exit: fields (default), protocols, decodes")
    String glossary;

    @Option(names = "-d", paramLabel = "LAYER==SELECTOR,PROTOCOL",
            description = "decode the packets of a table entry as PROTOCOL, e.g. tcp.port==8888,http (repeatable)")
    List<String> decodeAs = new ArrayList<>();

    @Option(names = "-2", description = "two-pass analysis: dissect every frame first, then print with links to later frames")
    boolean twoPass;

    @Option(names = {"-R", "--read-filter"}, paramLabel = "FILTER", description = "with -2: drop the packets not matching FILTER in the first pass")
    String readFilter;

    @Option(names = "-c", paramLabel = "N", description = "stop after reading (or capturing) N packets")
    String count;

    @Option(names = {"-i", "--interface"}, paramLabel = "IFACE", description = "capture live on IFACE (a name, or a number from -D)")
    List<String> interfaces = new ArrayList<>();

    @Option(names = {"-D", "--list-interfaces"}, description = "print the interfaces live capture can use and exit")
    boolean listInterfaces;

    @Option(names = "-f", paramLabel = "BPF", description = "capture filter in libpcap syntax (live capture)")
    String captureFilter;

    @Option(names = {"-s", "--snapshot-length"}, paramLabel = "N", description = "bytes to keep of each captured packet (default 262144)")
    String snapLen;

    @Option(names = {"-p", "--no-promiscuous-mode"}, description = "don't capture in promiscuous mode")
    boolean noPromiscuous;

    @Option(names = {"-B", "--buffer-size"}, paramLabel = "MiB", description = "kernel capture buffer size in MiB (default libpcap's)")
    String bufferSize;

    @Option(names = {"-a", "--autostop"}, paramLabel = "COND", description = "stop a live capture: duration:SECONDS, filesize:KB, files:N, packets:N (repeatable)")
    List<String> autostop = new ArrayList<>();

    @Option(names = {"-b", "--ring-buffer"}, paramLabel = "OPT", description = "with -w, write a series of files: filesize:KB, files:N, duration:S, packets:N, interval:S (repeatable)")
    List<String> ringBuffer = new ArrayList<>();

    @Option(names = "-w", paramLabel = "FILE", description = "write the packets (those passing -Y) to FILE ('-' for stdout)")
    String writeFile;

    @Option(names = "-F", paramLabel = "TYPE", description = "file type for -w: pcapng (default), pcap, nsecpcap")
    String writeFormat;

    @Option(names = "-l", description = "flush the output after each packet (live capture always does)")
    boolean lineBuffered;

    @Option(names = "-Q", description = "live capture: print nothing but errors (no packets, no counts)")
    boolean reallyQuiet;

    @Option(names = "-T", paramLabel = "FORMAT", description = "output format: text, tabs, fields, json, pdml, psml, ek")
    String format;

    @Option(names = "-e", paramLabel = "FIELD", description = "field to print with -T fields, json, pdml or ek (repeatable)")
    List<String> fields = new ArrayList<>();

    @Option(names = "-E", paramLabel = "OPTION=VALUE", description = "fields output option: header=y|n, separator=/t|/s|<c>, quote=d|s|n, occurrence=f|l|a, aggregator=,|/s|<c>, bom=y|n")
    List<String> fieldOptions = new ArrayList<>();

    @Option(names = "-V", description = "print the packet details tree")
    boolean verbose;

    @Option(names = "-O", paramLabel = "PROTOCOLS", description = "print details only of these comma-separated protocols")
    String onlyProtocols;

    @Option(names = "-P", description = "print the summary line also with -V or -x")
    boolean printSummary;

    @Option(names = "-x", description = "print a hex and ASCII dump of the packet data")
    boolean hex;

    @Option(names = "-t", paramLabel = "FORMAT", description = "time column format: a|ad|adoy|d|dd|e|r|u|ud|udoy (default r)")
    String timeFormat;

    @Option(names = "-n", description = "disable all name resolution")
    boolean noResolution;

    @Option(names = "-N", paramLabel = "FLAGS", description = "enable specific name resolution (accepted; only 'm' has an effect)")
    String resolutionFlags;

    @Option(names = "-o", paramLabel = "PREF:VALUE", description = "override a preference (repeatable)")
    List<String> preferences = new ArrayList<>();

    @Option(names = "-z", paramLabel = "STATISTICS", description = "print statistics after the packets: conv,tcp, endpoints,ip, io,phs, io,stat,1, follow,tcp,ascii,0, expert… (repeatable; -z help lists them)")
    List<String> statistics = new ArrayList<>();

    @Option(names = "-X", paramLabel = "KEY:VALUE", description = "js_script:FILE loads a JavaScript dissector or query script, as tshark's -X lua_script: (repeatable)")
    List<String> extensions = new ArrayList<>();

    @Option(names = "-q", description = "do not print packets (quiet)")
    boolean quiet;

    @Option(names = "--check-filter", paramLabel = "FILTER", description = "only compile the display filter: print OK, or tshark's error (exit 2)")
    String checkFilter;

    @Option(names = {"-h", "--help"}, description = "print this help and exit")
    boolean help;

    @Option(names = {"-v", "--version"}, description = "print version information and exit")
    boolean version;
}
