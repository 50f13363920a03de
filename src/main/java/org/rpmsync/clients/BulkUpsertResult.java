package org.rpmsync.clients;

/** What happened to one row of a bulk upsert; {@code code} and {@code detail} are set for errors only. */
public record BulkUpsertResult(int index, Status status, ClientId id, String code, String detail) {

    public enum Status { CREATED, UPDATED, UNCHANGED, ERROR }

    static BulkUpsertResult error(int index, String code, String detail) {
        return new BulkUpsertResult(index, Status.ERROR, null, code, detail);
    }
}
