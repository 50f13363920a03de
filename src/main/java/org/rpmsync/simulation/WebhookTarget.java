package org.rpmsync.simulation;

import org.rpmsync.simulator.TenoviWebhook;

/** Where webhooks go: from properties or registered through {@code hwi/webhooks/}. */
record WebhookTarget(String url, String authHeader, String authKey, boolean postAsArray, String event) {

    static WebhookTarget of(SimulationProperties.Target target) {
        return new WebhookTarget(target.url(), target.authHeader(), target.authKey(), target.postAsArray(),
                target.event());
    }

    static WebhookTarget of(TenoviWebhook webhook) {
        return new WebhookTarget(webhook.endpoint(), webhook.authHeader(), webhook.authKey(),
                Boolean.TRUE.equals(webhook.postAsArray()), webhook.event());
    }

    /** Scheme, host and port only: the path may carry a secret, so logs and the delivery history show this. */
    String origin() {
        try {
            var uri = java.net.URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(invalid url)";
        }
    }
}
