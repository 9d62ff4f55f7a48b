package dev.dorsal.shell.cli;

import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.stats.StatsException;
import dev.dorsal.engine.stats.Tap;
import dev.dorsal.engine.stats.Taps;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds the {@code -z} taps of a run and tells them what else the run does. */
final class Statistics {
    /** tshark's own prefix in the engine's statistics messages, replaced by ours. */
    private static final String TSHARK_PREFIX = "tshark: ";

    private Statistics() {}

    /** The taps in command-line order; {@code -z help} and refused arguments end the run with tshark's text. */
    static List<Tap> taps(BatchOptions o, Registry registry, PacketFilter filter) throws UsageError {
        List<Tap> taps = new ArrayList<>();
        for (String z : o.statistics) {
            if (z.equals("help")) {
                throw new UsageError(withoutPrefix(Taps.helpText()), BatchCommand.EXIT_OK, false); // on stderr, as tshark
            }
            TlsFlowTap ladder = TlsFlowTap.parse(z);
            if (ladder != null) {
                taps.add(ladder);
                continue;
            }
            try {
                taps.add(Taps.parse(z, registry));
            } catch (StatsException e) {
                String msg = e.getMessage();
                throw new UsageError(e.toStdout() ? msg : withoutPrefix(msg), e.exitCode(), e.toStdout());
            }
        }
        if (!taps.isEmpty()) {
            Set<String> filterFields = new HashSet<>();
            if (filter != null) {
                for (FieldDef f : filter.fieldsUsed()) {
                    filterFields.add(f.abbrev());
                }
            }
            for (Tap t : taps) {
                filterFields.addAll(t.filterFields());
            }
            boolean details = !o.quiet && (o.verbose || o.onlyProtocols != null
                    || "fields".equals(o.format) || "json".equals(o.format));
            for (Tap t : taps) {
                t.runContext(filterFields, details);
            }
        }
        return taps;
    }

    private static String withoutPrefix(String message) {
        return message.startsWith(TSHARK_PREFIX) ? message.substring(TSHARK_PREFIX.length()) : message;
    }
}
