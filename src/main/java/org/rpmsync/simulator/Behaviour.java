package org.rpmsync.simulator;

/** How a simulated patient uses the devices. */
public enum Behaviour {
    /** Opens the right compartment near 08:00 and 20:00 local, takes vitals almost every day. */
    ADHERENT(0.95, 0.0),
    /** Misses about 40 % of doses and vitals. */
    FORGETFUL(0.60, 0.0),
    /** Takes doses, but about a third of the opens hit another day's compartment. */
    WRONG_COMPARTMENT(0.90, 0.33),
    /** Out of gateway range every day from 07:00 local for the patient's offline hours; then the gateway flushes. */
    OFFLINE(0.90, 0.0);

    public final double takeChance;
    public final double wrongCompartmentChance;

    Behaviour(double takeChance, double wrongCompartmentChance) {
        this.takeChance = takeChance;
        this.wrongCompartmentChance = wrongCompartmentChance;
    }
}
