package dev.dorsal.dissectors.ftp;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers FTP ({@link FtpDissector}, filter prefix {@code ftp}) on TCP port 21 and FTP-DATA
 * ({@link FtpDataDissector}, {@code ftp-data}) on TCP port 20, as tshark 4.0.17 does; the data
 * connections FTP announces reach FTP-DATA whatever their ports. As in tshark, the {@code ftp-data.*}
 * fields belong to the {@code ftp} protocol.
 */
public final class FtpProvider implements DissectorProvider {
    private DissectorHandle ftp;
    private DissectorHandle data;

    @Override
    public String name() {
        return "ftp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(FtpDissector.PROTO);
        r.protocol(FtpDataDissector.PROTO);
        List<FieldDef> fields = new ArrayList<>(FtpDissector.FIELDS);
        fields.addAll(FtpDataDissector.FIELDS);
        r.fields(FtpDissector.PROTO, fields);
        r.experts(FtpDissector.PROTO, FtpDissector.EXPERTS);
        ftp = r.handle("ftp", FtpDissector.PROTO, FtpDissector::dissect);
        data = r.handle("ftp-data", FtpDataDissector.PROTO, FtpDataDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("tcp.port").add(20, data);
        t.table("tcp.port").add(21, ftp);
    }
}
