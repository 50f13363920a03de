package org.rpmsync.adherence;

/** The dose of the day a compartment or a slot is for (Tenovi value_2: 1 = AM, 2 = PM). */
public enum Period {
    AM, PM;

    public static Period of(int tenoviValue) {
        return tenoviValue == 2 ? PM : AM;
    }
}
