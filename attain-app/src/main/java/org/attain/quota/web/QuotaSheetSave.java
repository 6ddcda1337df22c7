package org.attain.quota.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.quota.QuotaChanges;
import org.attain.quota.Quotas;
import org.springframework.context.MessageSource;

/**
 * Saves the rows of one section (or one row) of the quota sheet: the rows the quotas refuse are
 * named with their reason and left out, the rest are saved, so one bad amount never costs the others.
 */
final class QuotaSheetSave {

    private static final Pattern CHANGE_INDEX = Pattern.compile("\\[(\\d+)]");

    private final QuotaChanges changes;
    private final MessageSource messages;

    QuotaSheetSave(QuotaChanges changes, MessageSource messages) {
        this.changes = changes;
        this.messages = messages;
    }

    /** How many rows were typed into, how many quotas changed, and each refused row as "name: reason". */
    record Result(int attempted, int changed, List<String> refused) {}

    Result save(
            String period,
            List<Long> personIds,
            Map<Integer, BigDecimal> typed,
            Map<Long, String> names,
            String actor,
            Locale locale) {
        List<Quotas.Change> wanted = new ArrayList<>();
        typed.forEach((i, amount) -> wanted.add(new Quotas.Change(personIds.get(i), period, amount)));
        List<String> refused = new ArrayList<>();
        List<Quotas.Change> rest = wanted;
        // At most twice: the first refusal names every bad row at once, the second try has none of them.
        for (int attempt = 0; attempt < 2 && !rest.isEmpty(); attempt++) {
            try {
                return new Result(
                        wanted.size(), changes.set(rest, List.of(), actor).changed(), refused);
            } catch (InvalidInputException e) {
                Set<Integer> bad = new TreeSet<>();
                for (FieldProblem p : e.problems()) {
                    int index = changeIndex(p.field());
                    if (index < 0 || index >= rest.size()) {
                        bad.clear();
                        for (int i = 0; i < rest.size(); i++) {
                            bad.add(i);
                        }
                        rest.forEach(
                                c -> refused.add(refusal(messages, names, c.personId(), p.code(), p.reason(), locale)));
                        return new Result(wanted.size(), 0, refused);
                    }
                    if (bad.add(index)) {
                        refused.add(refusal(messages, names, rest.get(index).personId(), p.code(), p.reason(), locale));
                    }
                }
                List<Quotas.Change> kept = new ArrayList<>();
                for (int i = 0; i < rest.size(); i++) {
                    if (!bad.contains(i)) {
                        kept.add(rest.get(i));
                    }
                }
                rest = kept;
            }
        }
        return new Result(wanted.size(), 0, refused);
    }

    /** "Name: reason" in the page's language; the reason falls back to the validation's own words. */
    static String refusal(
            MessageSource messages,
            Map<Long, String> names,
            long personId,
            String code,
            String fallback,
            Locale locale) {
        String name = names.getOrDefault(personId, "#" + personId);
        String reason =
                messages.getMessage("quotasheet.reason." + code, null, fallback == null ? code : fallback, locale);
        return messages.getMessage("quotasheet.refusedRow", new Object[] {name, reason}, name + ": " + reason, locale);
    }

    /** The 0-based change a problem's field names ({@code rows[3].amount} is the third), -1 when none. */
    private static int changeIndex(String field) {
        Matcher m = CHANGE_INDEX.matcher(field == null ? "" : field);
        return m.find() ? Integer.parseInt(m.group(1)) - 1 : -1;
    }
}
