package org.attain.calc;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/** Recalculates the people named in a {@link RecalculationRequested} once the change behind it has committed. */
@Component
class RecalculateOnRequest {

    private final CalcRuns runs;

    RecalculateOnRequest(CalcRuns runs) {
        this.runs = runs;
    }

    // NOT_SUPPORTED: after the commit the finished transaction is still bound to the thread, and a run
    // writing through it would be invisible to the run's own COPY connections.
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(RecalculationRequested request) {
        if (!request.personIds().isEmpty()) {
            runs.runFor(request.personIds(), request.reason(), request.actor());
        }
    }
}
