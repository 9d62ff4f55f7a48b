package dev.dorsal.dissectors.ssh;

import dev.dorsal.dissectors.dns.StringErrors;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the SSH dissector ({@link SshDissector}; filter prefix {@code ssh}) on TCP ports 22 and
 * 29418 (Gerrit), as tshark 4.0.17 does by default; tshark's SCTP bindings (port 22, PPI 45) wait
 * for an SCTP dissector, and SSH has no heuristic in tshark. Preference {@code ssh.desegment_buffers}
 * (default on) lets SSH messages span TCP segments.
 */
public final class SshProvider implements DissectorProvider {
    static final String DESEGMENT = "ssh.desegment_buffers";

    private DissectorHandle handle;

    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(SshDissector.PROTO);
        List<FieldDef> fields = new ArrayList<>();
        fields.addAll(SshDissector.FIELDS);
        fields.addAll(SshTransport.FIELDS);
        fields.addAll(SshKexInit.FIELDS);
        fields.addAll(SshKex.FIELDS);
        fields.addAll(SshHostKey.FIELDS);
        fields.addAll(SshEncrypted.FIELDS);
        fields.addAll(SshMessages.FIELDS);
        fields.addAll(SshUserAuth.FIELDS);
        fields.addAll(SshConnection.FIELDS);
        r.fields(SshDissector.PROTO, fields);
        r.experts(SshDissector.PROTO, List.of(SshTransport.PACKET_LENGTH_ERROR, SshTransport.PACKET_DECODE_ERROR,
                SshKex.KEY_LENGTH_ERROR, SshEncrypted.MAC_BAD, StringErrors.TRAILING_STRAY));
        r.preference(SshDissector.PROTO, "desegment_buffers", "Reassemble SSH buffers spanning multiple TCP segments",
                "TRUE");
        handle = r.handle("ssh", SshDissector.PROTO, SshDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("tcp.port").add(22, handle);
        t.table("tcp.port").add(29418, handle);
    }
}
