package dev.dorsal.engine.output;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.registry.FieldRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code -T fields}: one line per packet, the values of every {@code -e} field separated by
 * the separator, several occurrences joined by the aggregator (or only the first or last), each
 * value optionally quoted. {@code _ws.col.<Title>} fields print a summary column.
 *
 * <p>The tree is walked once per packet; each node is routed to the columns that asked for its field.
 */
public final class FieldsFormatter implements PacketFormatter {
    private final List<String> names;
    private final FieldsOptions options;
    private final TimeFormat time;
    private final boolean resolveMac;
    private final Column[] columns;
    private final Map<String, int[]> byName = new HashMap<>();
    private final List<String>[] values;

    /** @param names the {@code -e} fields in order, all known to be valid */
    public FieldsFormatter(List<String> names, FieldsOptions options, TimeFormat time) {
        this(names, options, time, true);
    }

    /** @param resolveMac false for {@code -n}: MAC addresses in the Source/Destination columns as plain hex */
    @SuppressWarnings("unchecked")
    public FieldsFormatter(List<String> names, FieldsOptions options, TimeFormat time, boolean resolveMac) {
        this.resolveMac = resolveMac;
        this.names = List.copyOf(names);
        this.options = options;
        this.time = time;
        this.columns = new Column[names.size()];
        this.values = new List[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            columns[i] = Column.ofField(n);
            values[i] = new ArrayList<>(2);
            if (columns[i] == null) {
                int[] old = byName.get(n);
                int[] cols = old == null ? new int[] {i} : append(old, i);
                byName.put(n, cols);
            }
        }
    }

    private static int[] append(int[] a, int v) {
        int[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    /** True when {@code name} can be used with {@code -e}: a registered field or a {@code _ws.col.} column. */
    public static boolean isValidField(String name, FieldRegistry registry) {
        return Column.ofField(name) != null || registry.exists(name);
    }

    @Override
    public void begin(StringBuilder out) {
        if (options.bom()) {
            out.append('\uFEFF');
        }
        if (options.header()) {
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(options.separator());
                }
                out.append(names.get(i));
            }
            out.append('\n');
        }
    }

    @Override
    public void packet(DissectedPacket p, StringBuilder out) {
        collect(p);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(options.separator());
            }
            List<String> v = values[i];
            if (v.isEmpty()) {
                continue;
            }
            char q = options.quote();
            if (q != 0) {
                out.append(q);
            }
            switch (options.occurrence()) {
                case 'f' -> appendValue(out, v.get(0), q);
                case 'l' -> appendValue(out, v.get(v.size() - 1), q);
                default -> {
                    for (int j = 0; j < v.size(); j++) {
                        if (j > 0) {
                            out.append(options.aggregator());
                        }
                        appendValue(out, v.get(j), q);
                    }
                }
            }
            if (q != 0) {
                out.append(q);
            }
        }
        out.append('\n');
    }

    /** Fills {@link #values} with the text of every occurrence of every requested field. */
    private void collect(DissectedPacket p) {
        for (List<String> v : values) {
            v.clear();
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] != null) {
                values[i].add(columns[i].text(p, time, resolveMac));
            }
        }
        FieldValues.forEachNamed(p.tree(), byName, (cols, n) -> {
            String text = FieldFormat.fieldsText(n);
            for (int c : cols) {
                values[c].add(text);
            }
        });
    }

    /**
     * The value with tshark's escapes for CR, LF, TAB, BS and FF (BEL, VT and ESC stay raw, as there). A quote character inside a quoted value is
     * written as it is: tshark 4.0.17 prints {@code ""Time To Live" only 1"}.
     */
    /** {@code s} with tshark's -T fields escapes (see {@link #appendValue}); {@code s} itself when it needs none. */
    public static String escaped(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
                StringBuilder sb = new StringBuilder(n + 8);
                appendValue(sb, s, '"');
                return sb.toString();
            }
        }
        return s;
    }

    private static void appendValue(StringBuilder out, String s, char quote) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c);
            }
        }
    }

    /** The values of the last packet formatted, per {@code -e} field (for the JSON {@code -e} form). */
    List<String>[] lastValues() {
        return values;
    }

    /** Collects the values of {@code p} without writing them; see {@link #lastValues()}. */
    List<String>[] valuesOf(DissectedPacket p) {
        collect(p);
        return values;
    }

    List<String> names() {
        return names;
    }
}
