package dev.dorsal.dissectors.http2;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers HTTP/2 (RFC 9113, headers by RFC 7541 HPACK; filter prefix {@code http2}) with tshark
 * 4.0.17's bindings: ALPN {@code h2} in {@code tls.alpn}, and heuristics on the {@code http} list (so
 * cleartext HTTP/2 with prior knowledge on HTTP's ports is found by its preface) and the {@code tls}
 * one. tshark binds no TCP port by default ({@code http2.tcp.port} is empty); the handle {@code http2}
 * serves Decode-As ({@code decode-as tcp.port==8080,http2} in the shell).
 */
public final class Http2Provider implements DissectorProvider {
    private DissectorHandle http2;

    @Override
    public String name() {
        return "http2";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(Http2Dissector.PROTO);
        List<FieldDef> fields = new ArrayList<>(Http2Dissector.FIELDS);
        fields.addAll(Http2Flags.FIELDS);
        fields.addAll(Http2HeaderBlock.FIELDS);
        fields.addAll(Http2Headers.FIELDS);
        fields.addAll(Http2HeaderFields.FIELDS);
        fields.addAll(Http2Data.FIELDS);
        fields.addAll(Http2Settings.FIELDS);
        fields.addAll(Http2Control.FIELDS);
        r.fields(Http2Dissector.PROTO, fields);
        List<ExpertDef> experts = new ArrayList<>(Http2Headers.EXPERTS);
        experts.addAll(Http2Data.EXPERTS);
        r.experts(Http2Dissector.PROTO, experts);
        http2 = r.handle("http2", Http2Dissector.PROTO, Http2Dissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.heuristics("http").add("http2", Http2Dissector.PROTO, Http2Heuristic::dissectHttp, true);
        // TLS may not be on the class path: bind only into the tables it declared.
        try {
            t.table("tls.alpn").add("h2", http2);
            t.heuristics("tls").add("http2", Http2Dissector.PROTO, Http2Heuristic::dissectTls, true);
        } catch (IllegalStateException e) {
            // no TLS dissector: nothing to bind
        }
    }
}
