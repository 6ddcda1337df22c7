package org.attain.payout;

import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.platform.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Separation of duties: nobody approves, adjusts or works a dispute on their own pay, whatever their
 * roles. An admin or comp admin who is also a payee needs a second person, any other user allowed to
 * do it; there is deliberately no "pending own adjustment" that the same person could push along.
 * The API and the pages both pass through here. A refusal is a 403 whose reason is a message key
 * (English and German), and it stays in the audit log although the caller's transaction rolls back.
 */
@Component
public class OwnPay {

    /** What was attempted on one's own pay: the message key says why not and who can do it instead. */
    enum Act {
        APPROVE("ownPay.approve", "payout"),
        ADJUST("ownPay.adjust", "adjustment"),
        DISPUTE("ownPay.dispute", "dispute");

        final String code;
        final String entityType;

        Act(String code, String entityType) {
            this.code = code;
            this.entityType = entityType;
        }
    }

    private final AuditLog audit;

    OwnPay(AuditLog audit) {
        this.audit = audit;
    }

    /** True when the person is the user's own: the one case no role lifts. */
    public static boolean isOwn(AttainUser user, long personId) {
        return user.personId() != null && user.personId() == personId;
    }

    /** Refuses (403, audited) when the person is the user's own; {@code entity} names what was attempted. */
    void refuseOwn(AttainUser user, long personId, Act act, String entity) {
        if (!isOwn(user, personId)) {
            return;
        }
        audit.recordIndependently(
                user.getUsername(),
                "OWN_PAY_REFUSED",
                act.entityType,
                entity,
                Map.of("person", personId, "act", act.name()),
                "separation of duties: " + act.name().toLowerCase(java.util.Locale.ROOT) + " own pay");
        throw new ForbiddenException(
                act.code,
                switch (act) {
                    case APPROVE -> "Nobody approves their own payout; another approver must approve it.";
                    case ADJUST ->
                        "Nobody records an adjustment to their own pay; another admin or comp admin must record it.";
                    case DISPUTE ->
                        "Nobody works on a dispute about their own pay; another admin or comp admin must handle it.";
                });
    }
}
