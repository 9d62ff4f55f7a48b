package dev.dorsal.dissectors.xml;

import dev.dorsal.dissectors.http.MediaTypeTable;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import java.util.List;

/** Registers the XML dissector ({@code xml}) for tshark 4.0.17's XML media types ({@link XmlMediaTypes}). */
public final class XmlProvider implements DissectorProvider {
    /** The media-type table HTTP declares. */

    private DissectorHandle xml;

    @Override
    public String name() {
        return "xml";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(XmlDissector.PROTO);
        r.fields(XmlDissector.PROTO, XmlDissector.FIELDS);
        r.experts(XmlDissector.PROTO, List.of(XmlDissector.CLOSING_UNOPENED, XmlDissector.UNRECOGNIZED));
        xml = r.handle("xml", XmlDissector.PROTO, XmlDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        MediaTypeTable.add(t, xml, XmlMediaTypes.ALL);
    }
}
