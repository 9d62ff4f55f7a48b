package dev.dorsal.spark;

import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.filter.FilterException;
import dev.dorsal.engine.registry.ProcessRegistry;
import dev.dorsal.spark.read.ScriptGate;
import dev.dorsal.spark.split.HadoopConf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Column pruning (only the fields a query reads are dissected, and protocols nobody reads are
 * skipped) and predicate pushdown (translated into a display filter; see {@link PredicateFilters}).
 */
final class DorsalScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownV2Filters {
    private final ReadOptions options;
    private final List<FieldColumn> all;
    private final HadoopConf conf;
    private List<FieldColumn> required;
    private final List<Predicate> pushed = new ArrayList<>();
    private final List<String> pushedFilters = new ArrayList<>();

    DorsalScanBuilder(ReadOptions options, List<FieldColumn> all, HadoopConf conf) {
        this.options = options;
        this.all = all;
        this.conf = conf;
        this.required = all;
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        Map<String, FieldColumn> byName = new LinkedHashMap<>();
        all.forEach(c -> byName.putIfAbsent(c.column(), c));
        List<FieldColumn> kept = new ArrayList<>();
        for (StructField f : requiredSchema.fields()) {
            FieldColumn c = byName.get(f.name());
            if (c != null) {
                kept.add(c);
            }
        }
        required = kept;
    }

    @Override
    public Predicate[] pushPredicates(Predicate[] predicates) {
        Map<String, FieldColumn> byName = new LinkedHashMap<>();
        all.forEach(c -> byName.putIfAbsent(c.column(), c));
        // One script load for all predicates: their fields may be the scripts' own.
        try (var scripts = ScriptGate.enter(options.scripts(), ProcessRegistry.get(), true)) {
            for (Predicate p : predicates) {
                String f = PredicateFilters.translate(p, byName, options.occurrence());
                if (f != null && compiles(f)) {
                    pushed.add(p);
                    pushedFilters.add(f);
                }
            }
        }
        return predicates; // every one is still evaluated by Spark: a translation may keep extra rows
    }

    @Override
    public Predicate[] pushedPredicates() {
        return pushed.toArray(Predicate[]::new);
    }

    @Override
    public Scan build() {
        List<String> parts = new ArrayList<>();
        if (options.filter() != null) {
            parts.add(options.filter());
        }
        parts.addAll(pushedFilters);
        String filter = parts.isEmpty() ? null
                : parts.size() == 1 ? parts.get(0) : "(" + String.join(") && (", parts) + ")";
        if (options.filter() != null) {
            check(options.filter());
        }
        return new DorsalScan(options, required, filter, conf);
    }

    /** A pushed filter that would not compile is left to Spark alone (the scripts are loaded). */
    private static boolean compiles(String filter) {
        try {
            DisplayFilter.compile(filter, ProcessRegistry.get().fields());
            return true;
        } catch (FilterException e) {
            return false;
        }
    }

    /** The user's filter option: an error with tshark's message and a caret under the spot. */
    private void check(String filter) {
        try (var scripts = ScriptGate.enter(options.scripts(), ProcessRegistry.get(), true)) {
            DisplayFilter.compile(filter, ProcessRegistry.get().fields());
        } catch (FilterException e) {
            // The message carries the filter and a caret under the spot, as tshark prints it.
            throw new IllegalArgumentException("dorsal: option filter: " + e.getMessage(), e);
        }
    }
}
