package dev.dorsal.engine.filter;

/** Conformance rows of group "ipv6" (see {@link ConformanceGroup}). */
class Ipv6FilterTest extends ConformanceGroup {
    Ipv6FilterTest() {
        super("ipv6");
    }
}
