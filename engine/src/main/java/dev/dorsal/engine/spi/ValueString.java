package dev.dorsal.engine.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps wire values to names, like Wireshark's value_string and range_string tables. Unknown values
 * map to null; callers decide how to show them (tshark prints "Unknown (N)").
 */
public final class ValueString {
    private final Map<Long, String> exact;
    private final List<Range> ranges;

    private record Range(long low, long high, String name) {}

    private ValueString(Map<Long, String> exact, List<Range> ranges) {
        this.exact = exact;
        this.ranges = ranges;
    }

    /** Builds from alternating value, name pairs: {@code of(1, "request", 2, "reply")}. */
    public static ValueString of(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("value/name pairs expected");
        }
        Map<Long, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(((Number) pairs[i]).longValue(), (String) pairs[i + 1]);
        }
        return new ValueString(map, List.of());
    }

    public static ValueString ofMap(Map<? extends Number, String> values) {
        Map<Long, String> map = new HashMap<>();
        values.forEach((k, v) -> map.put(k.longValue(), v));
        return new ValueString(map, List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Name of {@code value}, or null when the table has none. */
    public String name(long value) {
        String name = exact.get(value);
        if (name != null || ranges.isEmpty()) {
            return name;
        }
        for (Range r : ranges) {
            if (value >= r.low && value <= r.high) {
                return r.name;
            }
        }
        return null;
    }

    /** Name of {@code value}, or {@code fallback} when unknown. */
    public String nameOr(long value, String fallback) {
        String name = name(value);
        return name != null ? name : fallback;
    }

    /** Every value whose name equals {@code name} (case-sensitive), for filters like {@code ip.proto == "TCP"}. */
    public List<Long> valuesNamed(String name) {
        List<Long> out = new ArrayList<>();
        exact.forEach((k, v) -> {
            if (v.equals(name)) {
                out.add(k);
            }
        });
        Collections.sort(out);
        return out;
    }

    /** Every value name, for completion and error messages. */
    public Map<Long, String> entries() {
        return Collections.unmodifiableMap(exact);
    }

    public boolean hasRanges() {
        return !ranges.isEmpty();
    }

    public static final class Builder {
        private final Map<Long, String> exact = new HashMap<>();
        private final List<Range> ranges = new ArrayList<>();

        public Builder add(long value, String name) {
            exact.put(value, name);
            return this;
        }

        public Builder range(long low, long high, String name) {
            ranges.add(new Range(low, high, name));
            return this;
        }

        public ValueString build() {
            return new ValueString(Map.copyOf(exact), List.copyOf(ranges));
        }
    }
}
