package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "ipv6" (see {@link FilterConformance}). */
class Ipv6FilterConformanceTest extends FilterConformance {
    Ipv6FilterConformanceTest() {
        super("ipv6");
    }
}
