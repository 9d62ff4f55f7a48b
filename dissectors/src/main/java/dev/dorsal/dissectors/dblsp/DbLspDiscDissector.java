package dev.dorsal.dissectors.dblsp;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;

/**
 * Reads Dropbox's LAN sync discovery broadcasts on UDP port 17500: the whole payload is one JSON
 * object (host_int, version, displayname, port, namespaces), handed to the {@code json} dissector
 * under this protocol's item, as tshark does; the Protocol column thus reads {@code DB-LSP-DISC/JSON}.
 * The protocol declares no fields of its own. Filter name {@code db-lsp-disc}.
 */
public final class DbLspDiscDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Dropbox LAN sync Discovery Protocol", "DB-LSP-DISC",
            "db-lsp-disc");
    static final int PORT = 17500;

    @Override
    public String name() {
        return "db-lsp-disc";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.handle("db-lsp-disc", PROTO, DbLspDiscDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(PORT, t.handle("db-lsp-disc"));
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("DB-LSP-DISC");
        cols.setInfo("Dropbox LAN sync Discovery Protocol");
        ProtoItem root = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        DissectorHandle json = pinfo.tables().handle("json");
        if (json != null && tvb.length() > 0) {
            pinfo.call(json, tvb, root);
        }
        return Math.max(1, tvb.length());
    }
}
