package org.rpmsync.integrations;

/** The Link / Replace key form. The key is never sent back to the browser and never printed. */
record LinkForm(String clientDomain, String apiKey) {

    static LinkForm empty(String clientDomain) {
        return new LinkForm(clientDomain == null ? "" : clientDomain, "");
    }

    @Override
    public String toString() {
        return "LinkForm[clientDomain=" + clientDomain + "]";
    }
}
