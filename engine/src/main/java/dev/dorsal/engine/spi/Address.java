package dev.dorsal.engine.spi;

import java.util.Arrays;

/** A network or link address as carried in pinfo (src/dst): typed bytes with the usual text form. */
public record Address(Type type, byte[] bytes) {
    public enum Type { NONE, ETHER, IPv4, IPv6, STRING }

    public static final Address NONE = new Address(Type.NONE, new byte[0]);

    /**
     * Recently made IPv4 and Ethernet addresses, direct-mapped by value: every packet sets two or four
     * of them and a capture has few distinct ones, so most packets allocate none. Addresses are
     * immutable (callers must not write to {@link #bytes()}), so a racy cache shared by threads is safe.
     */
    private record Cached(long value, Address address) {}

    private static final int CACHE_SIZE = 1024;
    private static final Cached[] IPV4_CACHE = new Cached[CACHE_SIZE];
    private static final Cached[] ETHER_CACHE = new Cached[CACHE_SIZE];

    private static int slot(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 54); // top 10 bits: CACHE_SIZE slots
    }

    public static Address ipv4(long value) {
        int slot = slot(value);
        Cached c = IPV4_CACHE[slot];
        if (c != null && c.value == value) {
            return c.address;
        }
        Address a = new Address(Type.IPv4, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
        IPV4_CACHE[slot] = new Cached(value, a);
        return a;
    }

    public static Address ether(long value) {
        int slot = slot(value);
        Cached c = ETHER_CACHE[slot];
        if (c != null && c.value == value) {
            return c.address;
        }
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (value >>> (40 - 8 * i));
        }
        Address a = new Address(Type.ETHER, b);
        ETHER_CACHE[slot] = new Cached(value, a);
        return a;
    }

    public static Address ipv6(byte[] bytes) {
        return new Address(Type.IPv6, bytes.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && a.type == type && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return switch (type) {
            case NONE -> "";
            case IPv4 -> (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
            case IPv6 -> AddressFormat.ipv6(bytes);
            case ETHER -> AddressFormat.ether(bytes);
            case STRING -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        };
    }
}
