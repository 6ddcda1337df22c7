package org.attain.activity;

import java.time.Instant;

/**
 * One activity as a source delivers it, before references are resolved.
 *
 * @param person   employee id or e-mail of the person who did it
 * @param kind     CALL, EMAIL, MEETING or WEBINAR (any case)
 * @param account  external id of the related account, or null
 * @param deal     external id of the related opportunity, or null
 */
public record NewActivity(
        String externalId,
        String person,
        String kind,
        Instant occurredAt,
        Integer durationMinutes,
        String outcome,
        String account,
        String deal) {}
