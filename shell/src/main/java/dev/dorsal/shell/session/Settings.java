package dev.dorsal.shell.session;

import dev.dorsal.engine.output.TimeFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The shell's own settings ({@code set NAME VALUE}), as opposed to dissector preferences. */
public final class Settings {
    private TimeFormat time = TimeFormat.RELATIVE;
    private String timeName = "r";
    private boolean resolveMac = true;
    private long cacheBudget = FieldCache.DEFAULT_BUDGET;
    private int pageSize = 20;

    public TimeFormat time() { return time; }
    public boolean resolveMac() { return resolveMac; }
    public long cacheBudget() { return cacheBudget; }
    /** Summary lines {@code list} prints at a time. */
    public int pageSize() { return pageSize; }

    /** Names and values, for {@code set} without arguments. */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("time", timeName);
        m.put("resolve-mac", resolveMac ? "on" : "off");
        m.put("cache.mb", Long.toString(cacheBudget >> 20));
        m.put("page", Integer.toString(pageSize));
        return m;
    }

    /** Sets one; returns an error message, or null when done (unknown names return a message too). */
    public String set(String name, String value) {
        switch (name) {
            case "time" -> {
                TimeFormat t = TimeFormat.of(value);
                if (t == null) {
                    return "time: one of a, ad, adoy, d, dd, e, r, u, ud, udoy (as tshark -t)";
                }
                time = t;
                timeName = value;
            }
            case "resolve-mac" -> {
                Boolean b = onOff(value);
                if (b == null) {
                    return "resolve-mac: on or off";
                }
                resolveMac = b;
                dev.dorsal.engine.spi.EtherNames.resolving(b); // the labels dissectors write follow too
            }
            case "cache.mb" -> {
                try {
                    long mb = Long.parseLong(value);
                    if (mb < 0 || mb > 2047) {
                        return "cache.mb: 0 to 2047 (0 turns the filter cache off)";
                    }
                    cacheBudget = mb << 20;
                } catch (NumberFormatException e) {
                    return "cache.mb: a number of MiB";
                }
            }
            case "page" -> {
                try {
                    int n = Integer.parseInt(value);
                    if (n < 1) {
                        return "page: at least 1";
                    }
                    pageSize = n;
                } catch (NumberFormatException e) {
                    return "page: a number of lines";
                }
            }
            default -> {
                return "no setting or preference named " + name + " (set lists the settings, prefs the preferences)";
            }
        }
        return null;
    }

    public boolean has(String name) {
        return values().containsKey(name);
    }

    static Boolean onOff(String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> null;
        };
    }
}
