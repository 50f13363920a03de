package org.rpmsync.simulation;

import java.util.ArrayList;
import java.util.List;

import org.rpmsync.simulator.Account;
import org.rpmsync.simulator.Device;
import org.rpmsync.simulator.TenoviFulfillment;

/** Walks a device through Shipped → Delivered → Connected, sending a fulfillment webhook at each step. */
final class Fulfillment {

    static final List<String> STEPS = List.of("Shipped", "Delivered", Device.CONNECTED);

    private final WebhookSender sender;

    Fulfillment(WebhookSender sender) {
        this.sender = sender;
    }

    List<TenoviFulfillment> ship(Account account, Device device) {
        var sent = new ArrayList<TenoviFulfillment>();
        for (var status : STEPS) {
            device.status(status);
            var update = new TenoviFulfillment(device.id().toString(), device.patientId(), device.hardwareUuid(),
                    device.kind().sensorCode, device.kind().deviceName, status,
                    "https://carrier.example/track/SIM" + device.hardwareUuid());
            sender.fulfillment(account, update);
            sent.add(update);
        }
        return sent;
    }
}
