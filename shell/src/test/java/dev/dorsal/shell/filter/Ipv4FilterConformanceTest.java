package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "ipv4" (see {@link FilterConformance}). */
class Ipv4FilterConformanceTest extends FilterConformance {
    Ipv4FilterConformanceTest() {
        super("ipv4");
    }
}
