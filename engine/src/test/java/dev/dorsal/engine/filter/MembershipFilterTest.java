package dev.dorsal.engine.filter;

/** Conformance rows of group "membership" (see {@link ConformanceGroup}). */
class MembershipFilterTest extends ConformanceGroup {
    MembershipFilterTest() {
        super("membership");
    }
}
