package dev.dorsal.shell.cli;

import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtocolDef;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * tshark's {@code -G [report]} glossaries, in its line formats, for what Dorsal registers:
 * {@code fields} (the default: a {@code P} line per protocol, an {@code F} line per field with type,
 * parent protocol, base or boolean width, mask and description), {@code protocols} and
 * {@code decodes} (the integer dissector-table entries).
 */
final class Glossary {
    private Glossary() {}

    /** Prints {@code report}; false when Dorsal has no such report. */
    static boolean print(String report, Registry registry, PrintStream out) {
        switch (report) {
            case "fields" -> fields(registry, out);
            case "protocols" -> protocols(registry, out);
            case "decodes" -> decodes(registry, out);
            default -> {
                return false;
            }
        }
        out.flush();
        return true;
    }

    private static void fields(Registry registry, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (FieldDef f : registry.fields().all()) {
            if (f.type() != FieldType.PROTOCOL && !listed.add(f.abbrev())) {
                continue; // as tshark: a name registered again (another shape of it) is listed once
            }
            if (f.type() == FieldType.PROTOCOL) {
                ProtocolDef p = registry.fields().protocol(f.abbrev());
                sb.append("P\t").append(p != null ? p.name() : f.name()).append('\t').append(f.abbrev()).append('\n');
                continue;
            }
            sb.append("F\t").append(f.name()).append('\t').append(f.abbrev()).append("\tFT_").append(f.type().name())
                    .append('\t').append(f.protocolFilterName()).append('\t').append(display(f))
                    .append("\t0x").append(Long.toHexString(f.mask())).append('\t')
                    .append(f.blurb() != null ? f.blurb() : "").append('\n');
        }
        out.print(sb);
    }

    /** The display column: the base of an integer, the bit width of a boolean, else nothing. */
    private static String display(FieldDef f) {
        if (f.type() == FieldType.BOOLEAN) {
            return Integer.toString(f.bitWidth());
        }
        if (f.type().isInteger() && f.type() != FieldType.FRAMENUM) {
            return "BASE_" + f.base().name();
        }
        return "";
    }

    private static void protocols(Registry registry, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (FieldDef f : registry.fields().all()) {
            if (f.type() != FieldType.PROTOCOL && !listed.add(f.abbrev())) {
                continue; // as tshark: a name registered again (another shape of it) is listed once
            }
            if (f.type() == FieldType.PROTOCOL) {
                ProtocolDef p = registry.fields().protocol(f.abbrev());
                if (p != null) {
                    sb.append(p.name()).append('\t').append(p.shortName()).append('\t').append(p.filterName()).append('\n');
                }
            }
        }
        out.print(sb);
    }

    private static void decodes(Registry registry, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(registry.tables()).forEach((name, table) -> {
            if (table.keyType() == FieldType.STRING) {
                return;
            }
            Map<Long, DissectorHandle> entries = new TreeMap<>(table.entries());
            entries.forEach((key, h) -> sb.append(name).append('\t').append(key).append('\t').append(h.name()).append('\n'));
        });
        out.print(sb);
    }
}
