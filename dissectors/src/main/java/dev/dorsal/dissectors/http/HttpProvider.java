package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.HeuristicList;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers HTTP/1.x (RFC 7230-7235; filter prefix {@code http}) and the body dissectors it feeds
 * through the {@code media_type} table it declares: {@code data-text-lines}, {@code urlencoded-form},
 * {@code json} and {@code media}, and the {@code http} heuristic list it tries first on every payload
 * (HTTP/2 finds its connection preface there). Binds {@code http} to tshark 4.0's default TCP ports and the
 * {@code tcp} heuristic list ({@code http_tcp}); when TLS declares {@code tls.port}/{@code tls.alpn},
 * binds {@code http.tls} (full URIs in https) to port 443 and ALPN {@code http/1.1}.
 */
public final class HttpProvider implements DissectorProvider {
    /** The string-keyed table of body dissectors by media type. */
    public static final String MEDIA_TYPE_TABLE = "media_type";
    /** The heuristics HTTP tries first on what it is given (tshark's {@code http} list: HTTP/2's preface). */
    public static final String HEURISTICS = "http";

    /** tshark 4.0.17's tcp.port entries for http ({@code tshark -G decodes}). */
    static final int[] TCP_PORTS = {80, 631, 1900, 2710, 2869, 3128, 3132, 3689, 5985, 8080, 8088, 11371};
    /** SSDP's port (udp.port 1900 in tshark 4.0.17's -G decodes). */
    static final int SSDP_UDP_PORT = 1900;

    private DissectorHandle http;
    private DissectorHandle httpTls;
    private DissectorHandle ssdp;
    private DissectorTable mediaTypes;

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(HttpDissector.PROTO);
        List<FieldDef> fields = new ArrayList<>();
        fields.addAll(HttpDissector.FIELDS);
        fields.addAll(HttpRequestLine.FIELDS);
        fields.addAll(HttpHeaders.FIELDS);
        fields.addAll(HttpBody.FIELDS);
        fields.addAll(HttpShared.FIELDS);
        r.fields(HttpDissector.PROTO, fields);
        List<ExpertDef> experts = new ArrayList<>(HttpHeaders.EXPERTS);
        experts.add(HttpRequestLine.CHAT);
        experts.add(HttpBody.DECOMPRESSION_FAILED);
        experts.add(HttpBody.SUBDISSECTOR_FAILED);
        r.experts(HttpDissector.PROTO, experts);
        http = r.handle("http", HttpDissector.PROTO, (tvb, pinfo, tree) -> HttpDissector.dissectStream(tvb, pinfo, tree, false));
        httpTls = r.handle("http.tls", HttpDissector.PROTO,
                (tvb, pinfo, tree) -> HttpDissector.dissectStream(tvb, pinfo, tree, true));
        r.protocol(HttpDissector.SSDP);
        ssdp = r.handle("ssdp", HttpDissector.SSDP, (tvb, pinfo, tree) -> HttpDissector.dissectStream(tvb, pinfo, tree, false));
        mediaTypes = r.newTable(MEDIA_TYPE_TABLE, "Internet media type", FieldType.STRING, Base.NONE);
        r.newHeuristicList(HEURISTICS);

        r.protocol(TextLinesDissector.PROTO);
        DissectorHandle lines = r.handle("data-text-lines", TextLinesDissector.PROTO, TextLinesDissector::dissect);
        for (String t : TextLinesDissector.MEDIA_TYPES) {
            mediaTypes.add(t, lines);
        }
        r.protocol(UrlEncodedFormDissector.PROTO);
        r.fields(UrlEncodedFormDissector.PROTO, UrlEncodedFormDissector.FIELDS);
        mediaTypes.add("application/x-www-form-urlencoded",
                r.handle("urlencoded-form", UrlEncodedFormDissector.PROTO, UrlEncodedFormDissector::dissect));
        r.protocol(JsonDissector.PROTO);
        r.fields(JsonDissector.PROTO, JsonDissector.FIELDS);
        DissectorHandle json = r.handle("json", JsonDissector.PROTO, JsonDissector::dissect);
        for (String t : JsonDissector.MEDIA_TYPES) {
            mediaTypes.add(t, json);
        }
        r.protocol(MediaDissector.PROTO);
        r.fields(MediaDissector.PROTO, MediaDissector.FIELDS);
        r.handle(MediaDissector.HANDLE, MediaDissector.PROTO, MediaDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(SSDP_UDP_PORT, ssdp);
        DissectorTable tcp = t.table("tcp.port");
        for (int port : TCP_PORTS) {
            tcp.add(port, http);
        }
        HeuristicList heuristics = t.heuristics("tcp");
        heuristics.add("http_tcp", HttpDissector.PROTO, HttpHeuristic::dissect, true);
        DissectorHandle data = t.handle("data");
        if (data != null) {
            mediaTypes.add("application/octet-stream", data);
        }
        bindTls(t);
    }

    /** TLS may not be on the class path: bind only into the tables it declared. */
    private void bindTls(Tables t) {
        try {
            t.table("tls.port").add(443, httpTls);
        } catch (IllegalStateException e) {
            // no TLS dissector: nothing to bind
        }
        try {
            t.table("tls.alpn").add("http/1.1", httpTls);
        } catch (IllegalStateException e) {
            // no TLS dissector: nothing to bind
        }
        try {
            t.heuristics("tls").add("http_tls", HttpDissector.PROTO, HttpHeuristic::dissectTls, true);
        } catch (IllegalStateException e) {
            // no TLS dissector: nothing to bind
        }
    }
}
