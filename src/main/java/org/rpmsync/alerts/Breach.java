package org.rpmsync.alerts;

/** A reading breaking a rule: which, how badly, and the value as the care team reads it ("182/104 mmHg"). */
record Breach(AlertRule rule, Severity severity, String value) {
}
