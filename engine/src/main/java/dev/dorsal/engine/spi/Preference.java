package dev.dorsal.engine.spi;

/** A protocol preference, set on the command line with {@code -o name:value}. */
public interface Preference {
    /** Full name, e.g. {@code tcp.desegment_tcp_streams}. */
    String name();

    String title();

    String value();

    default boolean boolValue() {
        String v = value().trim();
        return v.equalsIgnoreCase("true") || v.equals("1");
    }

    default long longValue() {
        return Long.parseLong(value().trim());
    }
}
