package dev.dorsal.engine.filter.eval;

/** An IPv6 literal with its prefix length ({@code 2001:db8::/32}); field values are plain 16-byte arrays. */
public record Ipv6Net(byte[] address, int prefix) {}
