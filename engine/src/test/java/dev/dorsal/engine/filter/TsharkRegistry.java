package dev.dorsal.engine.filter;

import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.ValueString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A registry with tshark 4.0.17's own fields for frame, eth, arp, ip, ipv6, tcp, udp, dns, http, tls,
 * icmp and icmpv6 (types, bases, masks, value strings, true/false labels), read from the glossary
 * dumps in {@code filter/} ({@code tshark -G fields} / {@code -G values}). Lets filter tests type-check exactly as
 * tshark does without depending on our dissectors.
 */
final class TsharkRegistry {
    private static Registry registry;

    private TsharkRegistry() {}

    static synchronized Registry registry() {
        if (registry == null) {
            registry = load();
        }
        return registry;
    }

    static FieldRegistry fields() {
        return registry().fields();
    }

    private static Registry load() {
        // Value tables per field; a value seen twice starts a second table, i.e. a second field
        // registered under the same name (tls.handshake.type is both SSLv2's and TLS's).
        Map<String, List<Map<Long, String>>> values = new LinkedHashMap<>();
        for (String file : List.of("/filter/values_core.tsv", "/filter/values_extra.tsv")) {
            for (String[] row : rows(file)) {
                if (!row[0].equals("V")) {
                    continue;
                }
                List<Map<Long, String>> tables = values.computeIfAbsent(row[1], k -> new ArrayList<>());
                long v = Long.decode(row[2]);
                if (tables.isEmpty() || tables.get(tables.size() - 1).containsKey(v)) {
                    tables.add(new LinkedHashMap<>());
                }
                tables.get(tables.size() - 1).put(v, row[3]);
            }
        }
        Map<String, TrueFalse> tfs = new LinkedHashMap<>();
        for (String[] row : rows("/filter/tfs.tsv")) {
            tfs.putIfAbsent(row[1], new TrueFalse(row[2], row[3]));
        }
        Map<String, List<FieldDef>> byProto = new LinkedHashMap<>();
        for (String file : List.of("/filter/fields_core.tsv", "/filter/fields_extra.tsv")) {
            for (String[] row : rows(file)) {
                if (row[2].equals("FT_PROTOCOL")) {
                    // A protocol with no fields of its own here (tcp.options.sack_perm, data-text-lines).
                    byProto.computeIfAbsent(row[1], k -> new ArrayList<>());
                    continue;
                }
                List<Map<Long, String>> tables = values.getOrDefault(row[1], List.of());
                int copies = Math.max(1, tables.size());
                for (int i = 0; i < copies; i++) {
                    ValueString vs = tables.isEmpty() ? null : ValueString.ofMap(tables.get(i));
                    byProto.computeIfAbsent(row[0], k -> new ArrayList<>()).add(field(row, vs, tfs.get(row[1])));
                }
            }
        }
        Registry r = new Registry();
        for (Map.Entry<String, List<FieldDef>> e : byProto.entrySet()) {
            ProtocolDef p = new ProtocolDef(e.getKey().toUpperCase(java.util.Locale.ROOT), e.getKey(), e.getKey());
            r.protocol(p);
            r.fields(p, e.getValue());
        }
        return r;
    }

    private static FieldDef field(String[] row, ValueString vals, TrueFalse tf) {
        String abbrev = row[1];
        FieldType type = type(row[2]);
        long mask = Long.decode(row[4]);
        String name = row.length > 5 ? row[5] : abbrev;
        if (type == FieldType.BOOLEAN) {
            int width = row[3].isEmpty() ? 0 : Integer.parseInt(row[3]);
            FieldDef f = width == 0 && mask == 0 ? FieldDef.bool(abbrev, name) : FieldDef.bool(abbrev, name, width, mask);
            return f.tfs(tf);
        }
        FieldDef f = FieldDef.of(abbrev, name, type, base(row[3])).mask(mask);
        return vals == null ? f : f.vals(vals);
    }

    private static FieldType type(String ft) {
        String t = ft.substring(3);
        return switch (t) {
            case "STRINGZPAD", "STRINGZTRUNC" -> FieldType.STRING;
            case "AX25", "VINES", "FCWWN", "SYSTEM_ID", "REL_OID" -> FieldType.BYTES;
            default -> FieldType.valueOf(t);
        };
    }

    private static Base base(String b) {
        return switch (b) {
            case "BASE_DEC" -> Base.DEC;
            case "BASE_HEX" -> Base.HEX;
            case "BASE_OCT" -> Base.OCT;
            case "BASE_DEC_HEX" -> Base.DEC_HEX;
            case "BASE_HEX_DEC" -> Base.HEX_DEC;
            case "BASE_CUSTOM" -> Base.CUSTOM;
            case "BASE_PT_TCP" -> Base.PT_TCP;
            case "BASE_PT_UDP" -> Base.PT_UDP;
            default -> Base.NONE;
        };
    }

    private static List<String[]> rows(String resource) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = TsharkRegistry.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    out.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
