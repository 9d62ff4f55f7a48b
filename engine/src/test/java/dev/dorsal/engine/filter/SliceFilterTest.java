package dev.dorsal.engine.filter;

/** Conformance rows of group "slice" (see {@link ConformanceGroup}). */
class SliceFilterTest extends ConformanceGroup {
    SliceFilterTest() {
        super("slice");
    }
}
