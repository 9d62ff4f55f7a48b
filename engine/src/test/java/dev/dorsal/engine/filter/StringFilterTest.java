package dev.dorsal.engine.filter;

/** Conformance rows of group "string" (see {@link ConformanceGroup}). */
class StringFilterTest extends ConformanceGroup {
    StringFilterTest() {
        super("string");
    }
}
