package dev.dorsal.engine.filter;

/** Conformance rows of group "layer" (see {@link ConformanceGroup}). */
class LayerFilterTest extends ConformanceGroup {
    LayerFilterTest() {
        super("layer");
    }
}
