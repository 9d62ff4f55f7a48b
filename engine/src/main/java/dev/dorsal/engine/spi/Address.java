package dev.dorsal.engine.spi;

import java.util.Arrays;

/** A network or link address as carried in pinfo (src/dst): typed bytes with the usual text form. */
public record Address(Type type, byte[] bytes) {
    public enum Type { NONE, ETHER, IPv4, IPv6, STRING }

    public static final Address NONE = new Address(Type.NONE, new byte[0]);

    public static Address ipv4(long value) {
        return new Address(Type.IPv4, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    public static Address ether(long value) {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (value >>> (40 - 8 * i));
        }
        return new Address(Type.ETHER, b);
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
