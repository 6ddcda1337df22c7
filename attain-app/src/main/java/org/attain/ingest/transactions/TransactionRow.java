package org.attain.ingest.transactions;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A source row mapped to the canonical transaction, with references resolved to database ids. */
record TransactionRow(
        long rowNumber,
        String externalId,
        String kind,
        String status,
        Long ownerId,
        LocalDate closeDate,
        BigDecimal amount,
        String currency,
        String dealType,
        String productCode,
        Integer termMonths,
        Long accountId,
        String splitsJson,
        String attributesJson,
        String refersTo) {}
