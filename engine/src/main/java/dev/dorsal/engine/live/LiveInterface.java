package dev.dorsal.engine.live;

/**
 * A capture device as libpcap lists it ({@code pcap_findalldevs}).
 *
 * @param name the device name to capture on, e.g. {@code lo}, {@code eth0}, {@code any}
 * @param description libpcap's description, or null
 * @param loopback true for the loopback device
 * @param up true when the interface is up
 */
public record LiveInterface(String name, String description, boolean loopback, boolean up) {

    /** The short name Wireshark gives the device on Linux: "Loopback" for the loopback device, else null. */
    public String friendlyName() {
        return loopback ? "Loopback" : null;
    }

    /** How tshark names the device when it starts capturing: {@code Loopback: lo}, {@code eth0}. */
    public String displayName() {
        return loopback ? friendlyName() + ": " + name : name;
    }

    /** One line of {@code -D}: {@code 3. lo (Loopback)}. */
    public String listLine(int number) {
        return number + ". " + name + (friendlyName() == null ? "" : " (" + friendlyName() + ")");
    }
}
