package dev.dorsal.shell.cli;

import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FieldType;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * tshark's {@code -d LAYER==SELECTOR,PROTOCOL}: "decode the packets of this table entry as that
 * protocol", e.g. {@code -d tcp.port==8888,http}. The selector is a number, a range {@code 8000-8002}
 * or a start and count {@code 8000:3}. Entries go through {@link SharedRegistry.Overrides}, so they
 * last one run. Mistakes get tshark's messages, with the lists it prints after them.
 */
final class DecodeAsOption {
    private static final String TEMPLATE = "<layer_type>==<selector>,<decode_as_protocol>";
    /** A selector range longer than a 16-bit port space is a typo, not a wish. */
    private static final long MAX_RANGE = 65_536;

    private DecodeAsOption() {}

    static void apply(String spec, Registry registry, SharedRegistry.Overrides overrides, PrintStream err)
            throws UsageError {
        String s = spec;
        int eq = s.indexOf("==");
        if (eq < 0) {
            int single = s.indexOf('=');
            if (single > 0) {
                s = s.substring(0, single) + "==" + s.substring(single + 1);
                err.println(BatchCommand.PREFIX + "WARNING: -d requires \"==\" instead of \"=\". Option will be treated as \""
                        + s + "\"");
                eq = single;
            }
        }
        if (eq <= 0) {
            throw new UsageError("Parameter \"" + spec + "\" doesn't follow the template \"" + TEMPLATE + "\"",
                    BatchCommand.EXIT_USAGE);
        }
        String tableName = s.substring(0, eq).strip();
        DissectorTable table = registry.findTable(tableName);
        if (table == null || table.keyType() == FieldType.STRING) {
            throw new UsageError("Unknown layer type -- " + tableName + "\n" + BatchCommand.PREFIX
                    + "Valid layer types are:" + layerTypes(registry), BatchCommand.EXIT_USAGE);
        }
        int comma = s.indexOf(',', eq + 2);
        if (comma < 0) {
            throw new UsageError("Parameter \"" + spec + "\" doesn't follow the template \"" + TEMPLATE + "\"\n"
                    + BatchCommand.PREFIX + protocolList(tableName, registry), BatchCommand.EXIT_USAGE);
        }
        String protocol = s.substring(comma + 1).strip();
        DissectorHandle handle = registry.handle(protocol);
        if (handle == null || handle.protocol() == null) {
            throw new UsageError("Unknown protocol -- \"" + protocol + "\"\n" + BatchCommand.PREFIX
                    + protocolList(tableName, registry), BatchCommand.EXIT_USAGE);
        }
        long[] range = selector(s.substring(eq + 2, comma).strip());
        for (long key = range[0]; key <= range[1]; key++) {
            overrides.decodeAs(table, key, handle);
        }
    }

    /** The first and last value the selector names. */
    private static long[] selector(String text) throws UsageError {
        try {
            int dash = text.indexOf('-', 1);
            int colon = text.indexOf(':');
            if (dash > 0) {
                long low = Long.decode(text.substring(0, dash).strip());
                long high = Long.decode(text.substring(dash + 1).strip());
                return checked(low, high, text);
            }
            if (colon > 0) {
                long low = Long.decode(text.substring(0, colon).strip());
                long count = Long.decode(text.substring(colon + 1).strip());
                return checked(low, low + count - 1, text);
            }
            long v = Long.decode(text);
            return checked(v, v, text);
        } catch (NumberFormatException e) {
            throw new UsageError("Invalid selector number \"" + text + "\"", BatchCommand.EXIT_USAGE);
        }
    }

    private static long[] checked(long low, long high, String text) throws UsageError {
        if (low < 0 || high < low || high - low >= MAX_RANGE) {
            throw new UsageError("Invalid selector numeric range \"" + text + "\"", BatchCommand.EXIT_USAGE);
        }
        return new long[] {low, high};
    }

    private static String layerTypes(Registry registry) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(registry.tables()).forEach((name, t) -> {
            if (t.keyType() != FieldType.STRING) {
                sb.append("\n\t").append(name).append(" (").append(t.uiName()).append(')');
            }
        });
        return sb.toString();
    }

    private static String protocolList(String tableName, Registry registry) {
        StringBuilder sb = new StringBuilder("Valid protocols for layer type \"" + tableName + "\" are:");
        Map<String, DissectorHandle> handles = new TreeMap<>(registry.handles());
        handles.forEach((name, h) -> {
            if (h.protocol() != null) {
                sb.append("\n\t").append(name).append(" (").append(h.protocol().name()).append(')');
            }
        });
        return sb.toString();
    }
}
