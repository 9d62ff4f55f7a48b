package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.filter.FilterException;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A tap's display filter ({@code -z conv,tcp,<filter>}): its text as given, the fields it reads and
 * the test itself, compiled with the engine's display-filter compiler. A bad filter is refused with
 * the compiler's one-line message, as tshark reports tap filters.
 */
final class TapFilter {
    private final String text;
    private final Set<String> fields;
    private final Predicate<DissectedPacket> test;

    private TapFilter(String text, Set<String> fields, Predicate<DissectedPacket> test) {
        this.text = text;
        this.fields = fields;
        this.test = test;
    }

    /** Thrown with the compiler's message, e.g. {@code bogus is neither a field nor a protocol name.} */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** A filter given as its parts (for tests and for filters built without the compiler). */
    static TapFilter of(String text, Set<String> fields, Predicate<DissectedPacket> test) {
        return new TapFilter(text, Set.copyOf(fields), test);
    }

    /** The filter of a tap given a blank filter text: matches everything, prints as given. */
    static TapFilter empty(String text) {
        return new TapFilter(text, Set.of(), p -> true);
    }

    /** Compiles {@code text}; null or blank text means no filter (null is returned). */
    static TapFilter compile(String text, Registry registry) throws Invalid {
        if (text == null || text.isBlank()) {
            return null;
        }
        DisplayFilter f;
        try {
            f = DisplayFilter.compile(text, registry.fields());
        } catch (FilterException e) {
            throw new Invalid(e.shortMessage());
        }
        Set<String> names = new LinkedHashSet<>();
        for (FieldDef d : f.fieldsUsed()) {
            names.add(d.abbrev());
        }
        return new TapFilter(text, Set.copyOf(names), f::matches);
    }

    String text() { return text; }

    /** Abbreviations of the fields the filter reads. */
    Set<String> fields() { return fields; }

    boolean matches(DissectedPacket p) {
        return test.test(p);
    }

    /** True when {@code f} is null (no filter) or matches {@code p}. */
    static boolean passes(TapFilter f, DissectedPacket p) {
        return f == null || f.matches(p);
    }
}
