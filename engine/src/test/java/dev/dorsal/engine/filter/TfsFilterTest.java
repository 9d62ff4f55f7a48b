package dev.dorsal.engine.filter;

/** Conformance rows of group "tfs" (see {@link ConformanceGroup}). */
class TfsFilterTest extends ConformanceGroup {
    TfsFilterTest() {
        super("tfs");
    }
}
