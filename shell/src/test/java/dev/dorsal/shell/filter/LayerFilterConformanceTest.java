package dev.dorsal.shell.filter;

/** End-to-end conformance rows of group "layer" (see {@link FilterConformance}). */
class LayerFilterConformanceTest extends FilterConformance {
    LayerFilterConformanceTest() {
        super("layer");
    }
}
