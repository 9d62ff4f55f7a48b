package dev.dorsal.shell.cli;

import dev.dorsal.engine.capture.CaptureFormat;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.Column;
import dev.dorsal.engine.output.EkFormatter;
import dev.dorsal.engine.output.FieldsFormatter;
import dev.dorsal.engine.output.FieldsOptions;
import dev.dorsal.engine.output.HexDumpFormatter;
import dev.dorsal.engine.output.JsonFormatter;
import dev.dorsal.engine.output.PacketFormatter;
import dev.dorsal.engine.output.PdmlFormatter;
import dev.dorsal.engine.output.PsmlFormatter;
import dev.dorsal.engine.output.SummaryFormatter;
import dev.dorsal.engine.output.TextFormatter;
import dev.dorsal.engine.output.TextTreeFormatter;
import dev.dorsal.engine.output.TimeFormat;
import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.stats.Tap;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses tshark's command line, checks it the way tshark does (same messages and exit codes, with
 * our own "dorsal: " prefix), picks the output formatter and the dissection options, and runs.
 */
public final class BatchCommand {
    /** Every message to stderr starts with this, where tshark writes "tshark: ". */
    static final String PREFIX = "dorsal: ";
    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 1;
    static final int EXIT_FILE_OR_FILTER = 2;
    /** A bug or a broken installation (no frame dissector…), never a user mistake. */
    static final int EXIT_INTERNAL = 3;

    private static final String VERSION = "Dorsal 0.1.0 (output compatible with TShark 4.0.17)";

    private BatchCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        BatchOptions o;
        try {
            o = OptionParser.parse(args);
        } catch (OptionParser.Problem e) {
            err.println(PREFIX + e.getMessage());
            err.println(PREFIX + "See `dorsal -h' for usage.");
            return EXIT_USAGE;
        }
        if (o.help) {
            out.print(OptionParser.usage());
            out.flush();
            return EXIT_OK;
        }
        if (o.version) {
            out.println(VERSION);
            out.println("Running on Java " + Runtime.version() + ".");
            out.flush();
            return EXIT_OK;
        }
        if (o.listInterfaces) {
            return InterfaceChoice.list(out, err); // tshark lists even when -r is given
        }
        Registry registry;
        try {
            registry = SharedRegistry.get();
        } catch (RuntimeException e) {
            err.println(PREFIX + "internal error: cannot load the dissectors: " + e.getMessage());
            return EXIT_INTERNAL;
        }
        if (o.glossary != null) {
            if (!Glossary.print(o.glossary, registry, out)) {
                err.println(PREFIX + "Invalid \"" + o.glossary + "\" option for -G flag, enter -G help for more help.");
                return EXIT_USAGE;
            }
            return EXIT_OK;
        }
        CliScripts scripts = null;
        try (SharedRegistry.Overrides prefs = SharedRegistry.withPreferences()) {
            scripts = CliScripts.open(registry, CliScripts.scriptFiles(o.extensions), err);
            if (o.checkFilter != null) {
                compileFilter(o.checkFilter, registry);
                out.println("OK");
                out.flush();
                return EXIT_OK;
            }
            for (String d : o.decodeAs) {
                DecodeAsOption.apply(d, registry, prefs, err);
            }
            Plan plan = plan(o, registry, prefs, scripts);
            return plan.live() != null ? new LiveRun(plan, registry, out, err).execute()
                    : new BatchRun(plan, registry, out, err).execute();
        } catch (UsageError e) {
            out.flush();
            (e.toStdout() ? out : err).println(e.toStdout() ? e.getMessage() : PREFIX + e.getMessage());
            (e.toStdout() ? out : err).flush();
            return e.exitCode();
        } catch (RuntimeException e) {
            // Not the user's mistake: a bug or a broken build. Say so, with the trace for the report.
            out.flush();
            err.println(PREFIX + "internal error: " + e);
            e.printStackTrace(err);
            return EXIT_INTERNAL;
        } finally {
            if (scripts != null) {
                scripts.close(); // undoes the scripts' table entries: the registry is shared by later runs
            }
        }
    }

    /** The -T formats Dorsal writes. */
    private static final Set<String> FORMATS = Set.of("fields", "pdml", "psml", "json", "ek", "text", "tabs");

    /** tshark's descriptions of those formats, in tshark's order, for the -T error. */
    private static final String FORMATS_HELP = """
            \t"fields"  The values of fields specified with the -e option, in a form
            \t          specified by the -E option.
            \t"pdml"    Packet Details Markup Language, an XML-based format for the
            \t          details of a decoded packet. This information is equivalent to
            \t          the packet details printed with the -V flag.
            \t"psml"    Packet Summary Markup Language, an XML-based format for the
            \t          summary information of a decoded packet. This information is
            \t          equivalent to the information shown in the one-line summary
            \t          printed by default.
            \t"json"    Packet Summary, an JSON-based format for the details
            \t          summary information of a decoded packet. This information is\s
            \t          equivalent to the packet details printed with the -V flag.
            \t"ek"      Packet Details, an EK JSON-based format for the bulk insert\s
            \t          into elastic search cluster. This information is\s
            \t          equivalent to the packet details printed with the -V flag.
            \t"text"    Text of a human-readable one-line summary of each of the
            \t          packets, or a multi-line view of the details of each of the
            \t          packets, depending on whether the -V flag was specified.
            \t          This is the default.
            \t"tabs"    Similar to the text report except that each column of the
            \t          human-readable one-line summary is delimited with an ASCII
            \t          horizontal tab character.""";

    /** Checks the options in tshark's order and turns them into what the run needs. */
    static Plan plan(BatchOptions o, Registry registry, SharedRegistry.Overrides prefs, CliScripts scripts)
            throws UsageError {
        trailingFilter(o);
        long count = o.count == null ? Long.MAX_VALUE : packetCount(o.count);
        CaptureArgs.Autostop stop = CaptureArgs.autostop(o.autostop);
        CaptureArgs.Ring ring = CaptureArgs.ring(o.ringBuffer);
        int snapLen = CaptureArgs.snapLen(o.snapLen);
        int bufferBytes = CaptureArgs.bufferBytes(o.bufferSize);
        CaptureFormat fileType = CaptureArgs.fileType(o.writeFormat);
        for (String p : o.preferences) {
            preference(prefs, p);
        }

        String format = o.format == null ? "text" : o.format;
        if (!FORMATS.contains(format)) {
            throw new UsageError("Invalid -T parameter \"" + format + "\"; it must be one of:\n" + FORMATS_HELP, EXIT_USAGE);
        }
        if (!o.fields.isEmpty() && (format.equals("text") || format.equals("tabs"))) {
            throw new UsageError("Output fields were specified with \"-e\", "
                    + "but \"-Tek, -Tfields, -Tjson or -Tpdml\" was not specified.", EXIT_USAGE);
        }
        if (o.fields.isEmpty() && format.equals("fields")) {
            throw new UsageError("\"-Tfields\" was specified, but no fields were specified with \"-e\".", EXIT_USAGE);
        }
        if (o.hex && (format.equals("fields") || format.equals("pdml") || format.equals("psml"))) {
            throw new UsageError("Raw packet hex data can only be printed as text, PostScript, JSON, JSONRAW or EK JSON",
                    EXIT_USAGE);
        }
        FieldsOptions fieldsOptions = FieldsOptions.DEFAULT;
        for (String e : o.fieldOptions) {
            FieldsOptions next = fieldsOptions.with(e);
            if (next == null) {
                throw new UsageError("\"" + FieldsOptions.key(e) + "\" is not a valid field output option=value pair.\n"
                        + FieldsOptions.HELP.substring(0, FieldsOptions.HELP.length() - 1), EXIT_USAGE);
            }
            fieldsOptions = next;
        }
        TimeFormat time = TimeFormat.RELATIVE;
        if (o.timeFormat != null) {
            time = TimeFormat.of(o.timeFormat);
            if (time == null) {
                throw new UsageError("Invalid time stamp type \"" + o.timeFormat + "\"; it must be one of:\n"
                        + "\t\"a\"    for absolute\n\t\"ad\"   for absolute with YYYY-MM-DD date\n"
                        + "\t\"adoy\" for absolute with YYYY/DOY date\n\t\"d\"    for delta\n"
                        + "\t\"dd\"   for delta displayed\n\t\"e\"    for epoch\n\t\"r\"    for relative\n"
                        + "\t\"u\"    for absolute UTC\n\t\"ud\"   for absolute UTC with YYYY-MM-DD date\n"
                        + "\t\"udoy\" for absolute UTC with YYYY/DOY date", EXIT_USAGE);
            }
        }
        FieldRegistry fields = registry.fields();
        List<String> invalid = new ArrayList<>();
        for (String f : o.fields) {
            if (!FieldsFormatter.isValidField(f, fields)) {
                invalid.add(f);
            }
        }
        if (!invalid.isEmpty()) {
            java.util.Collections.reverse(invalid); // tshark lists them last first
            throw new UsageError("Some fields aren't valid:\n\t" + String.join("\n\t", invalid), EXIT_USAGE);
        }
        boolean live = o.readFile == null;
        if (o.readFilter != null && !o.twoPass) {
            throw new UsageError("-R without -2 is deprecated. For single-pass filtering use -Y.", EXIT_USAGE);
        }
        if (o.twoPass && live) {
            throw new UsageError("Live captures do not support two-pass analysis.", EXIT_USAGE);
        }
        CaptureArgs.check(live, o.writeFile, stop, ring, o.captureFilter);
        if (live && o.interfaces.size() > 1) {
            throw new UsageError("Dorsal captures on one interface at a time; " + o.interfaces.size()
                    + " were given with -i.", EXIT_USAGE);
        }
        if ("-".equals(o.writeFile) && printsPackets(o)) {
            throw new UsageError("You can't write both raw packet data and dissected packets to the standard output.",
                    EXIT_USAGE);
        }
        PacketFilter readFilter = o.readFilter == null ? null : compileFilter(o.readFilter, registry);
        PacketFilter filter = o.displayFilter == null ? null : compileFilter(o.displayFilter, registry);
        List<Tap> taps = Statistics.taps(o, registry, filter);
        Plan.Save save = o.writeFile == null ? null : new Plan.Save(o.writeFile, fileType, ring);
        Plan.Live capture = !live ? null : new Plan.Live(o.interfaces.isEmpty() ? null : o.interfaces.getFirst(),
                o.captureFilter, snapLen, !o.noPromiscuous, bufferBytes, o.quiet, o.reallyQuiet);
        Plan plan = choose(o, format, fieldsOptions, time, fields, filter, count, taps, save, capture, stop, scripts);
        if (!o.twoPass) {
            return plan;
        }
        // The first pass runs every protocol and keeps every field: its links are learned whatever
        // is printed, and -R may read anything.
        Plan.TwoPass first = new Plan.TwoPass(readFilter, new DissectionOptions(false, null, true, true));
        return new Plan(plan.file(), plan.formatter(), plan.options(), plan.filter(), plan.count(), plan.taps(),
                plan.save(), plan.live(), plan.stop(), plan.scripts(), first);
    }

    /**
     * Whether packets are printed: always, unless -q/-Q, or -w without -P, -V, -O or -x (tshark's
     * print_packet_info).
     */
    /**
     * As tshark: arguments after the options are one filter, a display filter when reading a file
     * (it may not also have -Y) and a capture filter when capturing (it may not also have -f).
     */
    private static void trailingFilter(BatchOptions o) throws UsageError {
        if (o.trailingFilter.isEmpty()) {
            return;
        }
        String filter = String.join(" ", o.trailingFilter);
        if (o.readFile != null) {
            if (o.displayFilter != null) {
                throw new UsageError("Display filters were specified both with \"-Y\" and with additional "
                        + "command-line arguments.", EXIT_USAGE);
            }
            o.displayFilter = filter;
        } else {
            if (o.captureFilter != null) {
                throw new UsageError("A capture filter was specified both with \"-f\" and with additional "
                        + "command-line arguments.", EXIT_USAGE);
            }
            o.captureFilter = filter;
        }
    }

    private static boolean printsPackets(BatchOptions o) {
        if (o.quiet || o.reallyQuiet) {
            return false;
        }
        return o.writeFile == null || o.printSummary || o.verbose || o.onlyProtocols != null || o.hex;
    }

    private static PacketFilter compileFilter(String text, Registry registry) throws UsageError {
        try {
            return DisplayFilters.compile(text, registry.fields());
        } catch (FilterCompileException e) {
            throw new UsageError(e.getMessage(), EXIT_FILE_OR_FILTER);
        }
    }

    /** Picks the formatter and what dissection must build for it. */
    private static Plan choose(BatchOptions o, String format, FieldsOptions fieldsOptions, TimeFormat time,
            FieldRegistry fields, PacketFilter filter, long count, List<Tap> taps, Plan.Save save, Plan.Live live,
            CaptureArgs.Autostop stop, CliScripts scripts) {
        boolean resolveMac = !o.noResolution && (o.resolutionFlags == null || o.resolutionFlags.contains("m"));
        dev.dorsal.engine.spi.EtherNames.resolving(resolveMac); // labels and *_resolved fields follow -n too
        PacketFormatter formatter;
        boolean detailed;
        boolean columns;
        if (!printsPackets(o)) {
            formatter = null;
            detailed = false;
            columns = false;
        } else if (!o.fields.isEmpty() && (format.equals("fields") || format.equals("json") || format.equals("pdml")
                || format.equals("ek"))) {
            FieldsFormatter ff = new FieldsFormatter(o.fields, fieldsOptions, time, resolveMac);
            formatter = switch (format) {
                case "json" -> new JsonFormatter(ff);
                case "pdml" -> new PdmlFormatter(o.readFile, ff);
                case "ek" -> new EkFormatter(ff);
                default -> ff;
            };
            detailed = o.fields.stream().anyMatch(f -> needsLabel(f, fields));
            columns = o.fields.stream().anyMatch(f -> Column.ofField(f) != null);
        } else if (format.equals("json")) {
            formatter = new JsonFormatter();
            detailed = true;
            columns = true;
        } else if (format.equals("ek")) {
            formatter = new EkFormatter(null);
            detailed = true;
            columns = true;
        } else if (format.equals("pdml")) {
            formatter = new PdmlFormatter(o.readFile, null);
            detailed = true;
            columns = true;
        } else if (format.equals("psml")) {
            formatter = new PsmlFormatter(time, resolveMac);
            detailed = false;
            columns = true;
        } else {
            boolean details = o.verbose || o.onlyProtocols != null;
            Set<String> only = o.onlyProtocols == null ? null : new LinkedHashSet<>(List.of(o.onlyProtocols.split(",")));
            SummaryFormatter summary = !o.printSummary && (details || o.hex) ? null
                    : format.equals("tabs") ? SummaryFormatter.tabs(time, resolveMac) : new SummaryFormatter(time, resolveMac);
            TextTreeFormatter tree = details ? new TextTreeFormatter(only, !o.hex, resolveMac) : null;
            formatter = new TextFormatter(summary, tree, o.hex ? new HexDumpFormatter() : null);
            detailed = details;
            // -x prints every data source (reassembled, decrypted): the payload must be dissected for them.
            columns = summary != null || details || o.hex;
        }
        if (taps.stream().anyMatch(Tap::needsDetailedTree)) {
            detailed = true;
        }
        DissectionOptions options;
        {
            BitSet interest = new BitSet();
            if (formatter instanceof FieldsFormatter || formatter instanceof JsonFormatter
                    || formatter instanceof PdmlFormatter || formatter instanceof EkFormatter) {
                for (String f : o.fields) {
                    for (FieldDef d : fields.lookup(f)) {
                        interest.set(d.id());
                    }
                }
            }
            if (filter != null) {
                for (FieldDef d : filter.fieldsUsed()) {
                    for (FieldDef same : fields.lookup(d.abbrev())) {
                        interest.set(same.id());
                    }
                    if (d.id() >= 0) {
                        interest.set(d.id());
                    }
                }
            }
            for (Tap t : taps) {
                for (String name : t.fieldsNeeded()) {
                    fields.lookup(name).forEach(d -> interest.set(d.id()));
                }
                for (String name : t.filterFields()) {
                    fields.lookup(name).forEach(d -> interest.set(d.id()));
                }
            }
            if (scripts != null) {
                interest.or(scripts.interest());
            }
            boolean allFields = scripts != null && scripts.host.wantsAllFields();
            // A detailed tree holds every field anyway; the interest still says which ones were asked
            // for, so fields tshark 4.0.17 lacks (JA4) appear for a filter without entering -V or JSON.
            options = detailed ? new DissectionOptions(true, allFields ? null : interest, true)
                    : new DissectionOptions(false, allFields ? null : interest, columns);
        }
        return new Plan(o.readFile, formatter, options, filter, count, taps, save, live, stop, scripts, null);
    }

    /** A protocol's value in -T fields is its tree label, which only a detailed tree has. */
    private static boolean needsLabel(String field, FieldRegistry fields) {
        for (FieldDef d : fields.lookup(field)) {
            if (d.type() == FieldType.PROTOCOL) {
                return true;
            }
        }
        return false;
    }

    private static long packetCount(String s) throws UsageError {
        long n;
        try {
            n = Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new UsageError("The specified packet count \"" + s + "\" isn't a decimal number", EXIT_USAGE);
        }
        if (n < 0) {
            throw new UsageError("The specified packet count \"" + s + "\" is a negative number", EXIT_USAGE);
        }
        if (n == 0) {
            throw new UsageError("The specified packet count is zero", EXIT_USAGE);
        }
        return n;
    }

    private static void preference(SharedRegistry.Overrides prefs, String option) throws UsageError {
        int colon = option.indexOf(':');
        if (colon <= 0) {
            throw new UsageError("Invalid -o flag \"" + option + "\"", EXIT_USAGE);
        }
        String name = option.substring(0, colon).trim();
        String value = option.substring(colon + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!prefs.set(name, value)) {
            throw new UsageError("-o flag \"" + option + "\" specifies unknown preference", EXIT_USAGE);
        }
    }
}
