package org.attain.activity;

import java.util.List;

/**
 * What one capture did: new, changed and unchanged activities and the rejected ones with their
 * position in the batch (from 1), field and reason. Rejected records are not stored; the caller
 * (API, webhook, connector) reports them to whoever sent them.
 */
public record Captured(long inserted, long updated, long unchanged, List<Rejection> rejections) {

    public record Rejection(int row, String externalId, String field, String reason) {}

    public long accepted() {
        return inserted + updated;
    }
}
