package dev.dorsal.engine.spi;

import java.util.List;

/** First registration phase: a provider declares its protocols, fields, expert infos, handles and own tables. */
public interface Registrar {
    void protocol(ProtocolDef protocol);

    void fields(ProtocolDef owner, List<FieldDef> fields);

    void experts(ProtocolDef owner, List<ExpertDef> experts);

    /** Registers a named handle, findable later with {@link Tables#handle(String)}. */
    DissectorHandle handle(String name, ProtocolDef protocol, Dissector dissector);

    /** Declares an integer-keyed ({@code keyType} UINT8..UINT32) or string-keyed (STRING) table. */
    DissectorTable newTable(String name, String uiName, FieldType keyType, Base base);

    HeuristicList newHeuristicList(String name);

    /** Declares a preference {@code proto.name} with a default value (changed with -o proto.name:value). */
    Preference preference(ProtocolDef owner, String name, String title, String defaultValue);

    /**
     * Offers a shortcut for consumers of {@code transport}'s flows only (see {@link FlowShortcut}): the
     * transport's own, or another protocol's for frames that carry no flow of it. Several may be
     * offered for one transport; they are tried in the order offered.
     */
    void flowShortcut(String transport, FlowShortcut shortcut);
}
