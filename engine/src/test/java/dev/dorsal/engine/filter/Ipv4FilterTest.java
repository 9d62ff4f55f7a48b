package dev.dorsal.engine.filter;

/** Conformance rows of group "ipv4" (see {@link ConformanceGroup}). */
class Ipv4FilterTest extends ConformanceGroup {
    Ipv4FilterTest() {
        super("ipv4");
    }
}
