package org.attain.territory.balance;

import java.util.ArrayList;
import java.util.List;

/**
 * Reasons no plan within the band can exist, proven from the input before any search: an account larger than the
 * band's upper bound, locked or named accounts that already push a territory above it, or too little movable
 * volume (or too few movable accounts) to lift every territory to its lower bound.
 */
final class Diagnosis {

    private static final int MAX_PER_KIND = 10;

    private Diagnosis() {}

    static List<BalanceResult.Reason> provenInfeasible(BalanceModel model) {
        Bands bands = model.bands;
        int metricCount = model.metrics.size();
        int territoryCount = model.territories.size();
        long[][] pinned = new long[territoryCount][metricCount];
        int[] pinnedCount = new int[territoryCount];
        String[] lonePinned = new String[territoryCount];
        List<BalanceResult.Reason> reasons = new ArrayList<>();
        int tooLarge = 0;
        for (BalanceAccount account : model.accounts) {
            if (account.pinned()) {
                int t = account.territory().index();
                pinnedCount[t]++;
                lonePinned[t] = account.id();
                for (int m = 0; m < metricCount; m++) {
                    pinned[t][m] += account.values()[m];
                }
                continue;
            }
            for (int m = 0; m < metricCount && tooLarge < MAX_PER_KIND; m++) {
                if (account.values()[m] > bands.high(m)) {
                    tooLarge++;
                    reasons.add(reason(
                            "territory.balance.reason.account-above-band",
                            "account " + account.id() + " alone has " + amount(account.values()[m]) + " "
                                    + model.metrics.get(m) + ", above the band's upper bound " + amount(bands.high(m))
                                    + " wherever it goes",
                            account.id(),
                            model.metrics.get(m),
                            amount(account.values()[m]),
                            amount(bands.high(m))));
                }
            }
        }
        int pinnedAbove = 0;
        for (BalanceTerritory territory : model.territories) {
            int t = territory.index();
            for (int m = 0; m < metricCount && pinnedAbove < MAX_PER_KIND; m++) {
                if (pinned[t][m] <= bands.high(m)) {
                    continue;
                }
                pinnedAbove++;
                String metric = model.metrics.get(m);
                if (pinnedCount[t] == 1) {
                    reasons.add(reason(
                            "territory.balance.reason.locked-account-above-band",
                            "locked account " + lonePinned[t] + " alone gives " + territory.id() + " "
                                    + amount(pinned[t][m]) + " " + metric + ", above the band's upper bound "
                                    + amount(bands.high(m)),
                            lonePinned[t],
                            territory.id(),
                            metric,
                            amount(pinned[t][m]),
                            amount(bands.high(m))));
                } else {
                    reasons.add(reason(
                            "territory.balance.reason.locked-accounts-above-band",
                            "the " + pinnedCount[t] + " locked and named accounts of " + territory.id()
                                    + " already total " + amount(pinned[t][m]) + " " + metric
                                    + ", above the band's upper bound " + amount(bands.high(m)),
                            territory.id(),
                            String.valueOf(pinnedCount[t]),
                            metric,
                            amount(pinned[t][m]),
                            amount(bands.high(m))));
                }
            }
        }
        for (int m = 0; m < metricCount; m++) {
            long need = 0;
            long free = bands.grand(m);
            int territoriesShort = 0;
            for (int t = 0; t < territoryCount; t++) {
                free -= pinned[t][m];
                if (pinned[t][m] < bands.low(m)) {
                    need += bands.low(m) - pinned[t][m];
                    territoriesShort++;
                }
            }
            String metric = model.metrics.get(m);
            if (need > free) {
                reasons.add(reason(
                        "territory.balance.reason.cannot-fill",
                        "lifting every territory to the band's lower bound needs " + amount(need) + " " + metric
                                + " from accounts that may move, but they hold only " + amount(free),
                        metric,
                        amount(need),
                        amount(free)));
                continue;
            }
            final int mm = m;
            long movable = model.accounts.stream()
                    .filter(a -> !a.pinned() && a.values()[mm] > 0)
                    .count();
            if (territoriesShort > movable) {
                reasons.add(reason(
                        "territory.balance.reason.too-few-accounts",
                        territoriesShort + " territories lie below the band's lower bound on " + metric
                                + " without the accounts" + " that may move, but only " + movable
                                + " such accounts have any " + metric,
                        metric,
                        String.valueOf(territoriesShort),
                        String.valueOf(movable)));
            }
        }
        return reasons;
    }

    static BalanceResult.Reason notFound(java.time.Duration timeLimit, boolean stoppedEarly) {
        return stoppedEarly
                ? reason(
                        "territory.balance.reason.stopped",
                        "the search was stopped before it found a plan within the band")
                : reason(
                        "territory.balance.reason.not-found",
                        "no plan within the band was found within " + timeLimit.toSeconds()
                                + " s; the band may be too narrow"
                                + " for the accounts' sizes: widen it, unlock accounts or allow more time",
                        String.valueOf(timeLimit.toSeconds()));
    }

    private static String amount(long scaled) {
        return BalanceModel.decimal(scaled).stripTrailingZeros().toPlainString();
    }

    private static BalanceResult.Reason reason(String code, String detail, String... args) {
        return new BalanceResult.Reason(code, List.of(args), detail);
    }
}
