package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "membership" (see {@link FilterConformance}). */
class MembershipFilterConformanceTest extends FilterConformance {
    MembershipFilterConformanceTest() {
        super("membership");
    }
}
