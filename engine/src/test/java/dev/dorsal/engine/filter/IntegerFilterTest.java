package dev.dorsal.engine.filter;

/** Conformance rows of group "integer" (see {@link ConformanceGroup}). */
class IntegerFilterTest extends ConformanceGroup {
    IntegerFilterTest() {
        super("integer");
    }
}
