package dev.dorsal.engine.filter;

/** Conformance rows of group "bytes" (see {@link ConformanceGroup}). */
class BytesFilterTest extends ConformanceGroup {
    BytesFilterTest() {
        super("bytes");
    }
}
