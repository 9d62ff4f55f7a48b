package dev.dorsal.dissectors.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The note tshark 4.0.17 prints after a VRRP priority (read off its output for every class). */
class VrrpValuesTest {
    @Test
    void priorityClasses() {
        assertEquals("Current Master has stopped participating in VRRP", VrrpDissector.priorityMeaning(0));
        assertEquals("Non-default backup priority", VrrpDissector.priorityMeaning(1));
        assertEquals("Non-default backup priority", VrrpDissector.priorityMeaning(99));
        assertEquals("Default priority for a backup VRRP router", VrrpDissector.priorityMeaning(100));
        assertEquals("Non-default backup priority", VrrpDissector.priorityMeaning(254));
        assertEquals("This VRRP router owns the virtual router's IP address(es)", VrrpDissector.priorityMeaning(255));
    }
}
