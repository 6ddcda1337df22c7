package org.attain.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Split;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booked transactions held in memory column by column (about 80 bytes a transaction with the id
 * index of the grouped rows: ten million take ~800 MB): the rows the change feed hands over, grouped
 * by owner, each owner's in credit order, and read back as the engine's objects. Pure: no Spring, no
 * JDBC, no locking; {@link TransactionStore} guards it (written only under its write lock, read under
 * its read lock) and {@link TransactionChangeFeed} fills it.
 */
final class TransactionColumns {

    /** Amounts are numeric(19,4): kept as whole ten-thousandths. */
    private static final int SCALE = 4;

    private static final long NO_UNITS = Long.MIN_VALUE;

    private final JsonMapper json;

    private int size;
    private long[] dbId = new long[0];
    private int[] owner = new int[0];
    private int[] closeDay = new int[0];
    private long[] units = new long[0];
    private int[] currency = new int[0];
    private int[] status = new int[0];
    private int[] type = new int[0];
    private int[] product = new int[0];
    private int[] idPrefix = new int[0];
    private long[] idNumber = new long[0];
    private byte[] idWidth = new byte[0];
    private int[] account = new int[0];
    private int[] attributes = new int[0];
    private int[] splits = new int[0];
    private boolean[] live = new boolean[0];
    // The engine's objects, kept when the heap has room for them (see keepsObjects); null: built per read.
    private Transaction[] built = new Transaction[0];
    // Slots below clustered are grouped by owner, each owner's in credit order (see cluster()); their ids
    // are found through idsSorted / slotsById. Slots from clustered on arrived since: those below
    // sortedUpTo are in id order (binary search in dbId), the rare later ones are in outOfOrder.
    private int clustered;
    private long[] idsSorted = new long[0];
    private int[] slotsById = new int[0];
    private int sortedUpTo;
    private final Map<Long, Integer> outOfOrder = new HashMap<>();
    private final Map<Integer, String> oddIds = new HashMap<>();
    private final Map<Integer, BigDecimal> bigAmounts = new HashMap<>();
    private final StringCodes strings = new StringCodes();
    private final List<Map<String, Object>> attributeMaps = new ArrayList<>();
    private final Map<String, Integer> attributeCodes = new HashMap<>();
    private final List<List<Split>> splitLists = new ArrayList<>();
    private final Map<Integer, Map<String, Object>> accounts = new HashMap<>();
    private final Set<Integer> changedAccounts = new java.util.HashSet<>();
    private Map<Integer, int[]> slotsOf = Map.of();
    // Per account the slots of its transactions: built by the first reader that asks by account after a
    // change (territory crediting), dropped whenever the slots move.
    private volatile Map<Integer, int[]> slotsOfAccount;
    // rank[slot]: the slot's place in credit order (close date, then id) among all slots.
    private int[] rank = new int[0];
    private boolean indexStale = true;
    // Filled lazily by readers (sized at each refresh): any value a slot holds is the same whoever
    // computed it, and the values are immutable, so racing readers at worst compute one twice.
    private PersonId[] people = new PersonId[0];
    private LocalDate[] days = new LocalDate[0];
    private int firstDay;

    TransactionColumns(JsonMapper json) {
        this.json = json;
    }

    /** Rows held, removed ones included until the next regrouping. */
    int size() {
        return size;
    }

    /**
     * Before a first fill: columns sized once from the count, not grown by half again and again (each
     * growth copies every column; at ten million rows that doubles the heap for a moment).
     */
    void reserve(long count) {
        if (count > dbId.length) {
            grow((int) Math.min(Integer.MAX_VALUE - 16, count + count / 50 + 1024));
        }
    }

    /** An account's attributes (as territory rules read them) changed or arrived. */
    void account(int id, Map<String, Object> attributesOfAccount) {
        accounts.put(id, attributesOfAccount);
        changedAccounts.add(id);
    }

    /** The table was truncated: every row goes (accounts stay). */
    void truncate() {
        clearRows();
    }

    /** A transaction was deleted. */
    void remove(long id) {
        int slot = slotOf(id);
        if (slot >= 0) {
            live[slot] = false;
            built[slot] = null;
        }
    }

    /**
     * A transaction was inserted or updated: returns the slot to {@link #fill} with its values, or -1 when
     * it does not count (a cancellation or invoice payment), which takes it out of what runs read.
     */
    int admit(long id, String kind) {
        boolean counts = !"CANCELLATION".equals(kind) && !"INVOICE_PAYMENT".equals(kind);
        int slot = slotOf(id);
        if (slot < 0) {
            if (!counts) {
                return -1;
            }
            slot = append(id);
        }
        live[slot] = counts;
        built[slot] = null;
        return counts ? slot : -1;
    }

    /** The values of an admitted transaction; {@code ownerId} and {@code accountId} 0 when absent. */
    void fill(
            int slot,
            String source,
            String external,
            long ownerId,
            String splitText,
            LocalDate closeDate,
            BigDecimal amount,
            String currencyCode,
            String statusValue,
            String dealType,
            String productCode,
            long accountId,
            String attributeText,
            Integer term) {
        setId(slot, TransactionValues.transactionId(source, external));
        owner[slot] = Math.toIntExact(ownerId);
        splits[slot] = splitText == null || "[]".equals(splitText) ? -1 : addSplits(splitText);
        closeDay[slot] = Math.toIntExact(closeDate.toEpochDay());
        bigAmounts.remove(slot);
        if (amount.scale() == SCALE && amount.unscaledValue().bitLength() < 63) {
            units[slot] = amount.unscaledValue().longValue();
        } else {
            units[slot] = NO_UNITS;
            bigAmounts.put(slot, amount);
        }
        currency[slot] = strings.code(currencyCode);
        status[slot] = strings.code(statusValue);
        type[slot] = strings.code(dealType);
        product[slot] = strings.code(productCode);
        account[slot] = Math.toIntExact(accountId);
        attributes[slot] = attributesCode(attributeText, term);
        indexStale = true;
    }

    /** After rows were applied: ids in order, the per-person index and credit order, the kept objects. */
    void settle(int rows, boolean refreshed) {
        if (sortedUpTo < size) {
            sortTailById();
        }
        if (rows > 0 || indexStale) {
            buildIndex();
        }
        if (size - clustered > size / 4) {
            // The first fill, or a quarter of the rows arrived since the last grouping.
            cluster();
            buildIndex();
        }
        if (keepsObjects()) {
            if (!changedAccounts.isEmpty() && refreshed) {
                // Kept objects carry their account's attributes: those of changed accounts are built again.
                for (int i = 0; i < size; i++) {
                    if (built[i] != null && changedAccounts.contains(account[i])) {
                        built[i] = null;
                    }
                }
            }
            for (int i = 0; i < size; i++) {
                if (live[i] && built[i] == null) {
                    built[i] = transaction(i);
                }
            }
        } else {
            Arrays.fill(built, null);
        }
        changedAccounts.clear();
    }

    /** Ids are mostly a prefix and a zero-padded number ("T0001234"): kept as such, not as a String each. */
    private void setId(int slot, String id) {
        oddIds.remove(slot);
        int digits = 0;
        while (digits < id.length()
                && digits < 18
                && Character.isDigit(id.charAt(id.length() - 1 - digits))
                && id.charAt(id.length() - 1 - digits) < 128) {
            digits++;
        }
        if (digits == 0 || (digits == 18 && id.length() > 18 && Character.isDigit(id.charAt(id.length() - 19)))) {
            idPrefix[slot] = -1;
            oddIds.put(slot, id);
            return;
        }
        idPrefix[slot] = strings.code(id.substring(0, id.length() - digits));
        idNumber[slot] = Long.parseLong(id, id.length() - digits, id.length(), 10);
        idWidth[slot] = (byte) digits;
    }

    private String idOf(int slot) {
        return idOf(slot, idPrefix[slot], idNumber[slot], idWidth[slot]);
    }

    private String idOf(int slot, int prefixCode, long number, byte width) {
        if (prefixCode < 0) {
            return oddIds.get(slot);
        }
        String prefix = strings.value(prefixCode);
        int digits = 1;
        for (long n = number; n >= 10; n /= 10) {
            digits++;
        }
        StringBuilder b = new StringBuilder(prefix.length() + width).append(prefix);
        for (int i = digits; i < width; i++) {
            b.append('0');
        }
        return b.append(number).toString();
    }

    private int addSplits(String text) {
        splitLists.add(List.copyOf(TransactionValues.splits(json, text)));
        return splitLists.size() - 1;
    }

    /** Custom attributes repeat across millions of rows: parsed once per distinct text and term. */
    private int attributesCode(String text, Integer term) {
        String key = term == null ? text : text + "\u0000" + term;
        Integer code = attributeCodes.get(key);
        if (code != null) {
            return code;
        }
        Map<String, Object> m = TransactionValues.attributes(json, text);
        if (term != null) {
            m.put("term_months", (long) term);
        }
        attributeMaps.add(Map.copyOf(m));
        attributeCodes.put(key, attributeMaps.size() - 1);
        return attributeMaps.size() - 1;
    }

    private int slotOf(long id) {
        if (clustered > 0) {
            int at = Arrays.binarySearch(idsSorted, 0, clustered, id);
            if (at >= 0) {
                return slotsById[at];
            }
        }
        int at = Arrays.binarySearch(dbId, clustered, sortedUpTo, id);
        return at >= 0 ? at : outOfOrder.getOrDefault(id, -1);
    }

    private int append(long id) {
        if (size == dbId.length) {
            grow(Math.max(1024, size + (size >> 1)));
        }
        if (sortedUpTo == size && (size == clustered || dbId[size - 1] < id)) {
            sortedUpTo++;
        } else {
            // A writer that took an id earlier committed later; re-sorted once at the end of the refresh.
            outOfOrder.put(id, size);
        }
        dbId[size] = id;
        return size++;
    }

    private void grow(int capacity) {
        dbId = Arrays.copyOf(dbId, capacity);
        owner = Arrays.copyOf(owner, capacity);
        closeDay = Arrays.copyOf(closeDay, capacity);
        units = Arrays.copyOf(units, capacity);
        currency = Arrays.copyOf(currency, capacity);
        status = Arrays.copyOf(status, capacity);
        type = Arrays.copyOf(type, capacity);
        product = Arrays.copyOf(product, capacity);
        idPrefix = Arrays.copyOf(idPrefix, capacity);
        idNumber = Arrays.copyOf(idNumber, capacity);
        idWidth = Arrays.copyOf(idWidth, capacity);
        account = Arrays.copyOf(account, capacity);
        attributes = Arrays.copyOf(attributes, capacity);
        splits = Arrays.copyOf(splits, capacity);
        live = Arrays.copyOf(live, capacity);
        built = Arrays.copyOf(built, capacity);
    }

    /** Rare (see {@link #append}): puts the slots that arrived since the last grouping in id order again. */
    private void sortTailById() {
        Integer[] order = new Integer[size - clustered];
        for (int i = clustered; i < size; i++) {
            order[i - clustered] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(dbId[a], dbId[b]));
        int[] from = new int[order.length];
        for (int i = 0; i < from.length; i++) {
            from[i] = order[i];
        }
        reorder(from, clustered);
        sortedUpTo = size;
        outOfOrder.clear();
    }

    /**
     * Groups the live slots by owner, each owner's in credit order, and drops the dead ones. A chunk of a
     * run reads its payees' transactions: grouped, those are a few runs of neighbouring slots instead of
     * rows spread over the whole store in the order they were imported, where every column of every row
     * was a cache miss of its own (a fifth of a full run's time at ten million rows). Deals shared
     * through splits stay with their owner; the split partners' index entries point there.
     */
    private void cluster() {
        int[] byRank = new int[size];
        int alive = 0;
        for (int i = 0; i < size; i++) {
            byRank[rank[i]] = i;
            if (live[i]) {
                alive++;
            }
        }
        long[] keys = new long[alive];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (live[i]) {
                keys[n++] = (long) owner[i] << 32 | rank[i];
            }
        }
        Arrays.sort(keys);
        int[] from = new int[alive];
        int[] newSlot = new int[size];
        Arrays.fill(newSlot, -1);
        for (int k = 0; k < alive; k++) {
            from[k] = byRank[(int) keys[k]];
            newSlot[from[k]] = k;
        }
        // The id look-up of the grouped slots: the ids of the earlier grouping and those of the slots that
        // arrived since (in id order, sortTailById ran) merged, each pointing at its new slot.
        long[] ids = new long[alive];
        int[] slots = new int[alive];
        int m = 0;
        int a = 0;
        int b = clustered;
        while (a < clustered || b < size) {
            boolean fromGrouped = b >= size || (a < clustered && idsSorted[a] < dbId[b]);
            long id = fromGrouped ? idsSorted[a] : dbId[b];
            int old = fromGrouped ? slotsById[a++] : b++;
            if (newSlot[old] >= 0) {
                ids[m] = id;
                slots[m++] = newSlot[old];
            }
        }
        reorder(from, 0);
        idsSorted = ids;
        slotsById = slots;
        clustered = alive;
        sortedUpTo = alive;
        outOfOrder.clear();
    }

    /**
     * Rewrites the slots from {@code start} on: new slot {@code start + k} takes what old slot
     * {@code from[k]} held (every {@code from[k] >= start}); the store then ends after the last of them.
     */
    private void reorder(int[] from, int start) {
        int n = from.length;
        long[] longs = new long[n];
        int[] ints = new int[n];
        for (long[] column : new long[][] {dbId, units, idNumber}) {
            for (int k = 0; k < n; k++) {
                longs[k] = column[from[k]];
            }
            System.arraycopy(longs, 0, column, start, n);
        }
        for (int[] column :
                new int[][] {owner, closeDay, currency, status, type, product, idPrefix, account, attributes, splits}) {
            for (int k = 0; k < n; k++) {
                ints[k] = column[from[k]];
            }
            System.arraycopy(ints, 0, column, start, n);
        }
        byte[] widths = new byte[n];
        boolean[] alive = new boolean[n];
        for (int k = 0; k < n; k++) {
            widths[k] = idWidth[from[k]];
            alive[k] = live[from[k]];
        }
        System.arraycopy(widths, 0, idWidth, start, n);
        System.arraycopy(alive, 0, live, start, n);
        if (keepsObjects()) {
            Transaction[] objects = new Transaction[n];
            for (int k = 0; k < n; k++) {
                objects[k] = built[from[k]];
            }
            System.arraycopy(objects, 0, built, start, n);
        }
        Arrays.fill(built, keepsObjects() ? start + n : start, Math.max(size, start + n), null);
        oddIds.putAll(moved(oddIds, from, start));
        bigAmounts.putAll(moved(bigAmounts, from, start));
        size = start + n;
        indexStale = true;
    }

    /** How many rows are grouped by owner (for tests: a refresh that brought many rows grouped them). */
    int groupedRows() {
        return clustered;
    }

    /** The entries of {@code bySlot} from {@code start} on taken out and returned under their new slots. */
    private static <V> Map<Integer, V> moved(Map<Integer, V> bySlot, int[] from, int start) {
        Map<Integer, V> out = new HashMap<>();
        if (bySlot.isEmpty()) {
            return out;
        }
        Map<Integer, V> taken = new HashMap<>();
        bySlot.entrySet().removeIf(e -> {
            if (e.getKey() >= start) {
                taken.put(e.getKey(), e.getValue());
                return true;
            }
            return false;
        });
        for (int k = 0; k < from.length && !taken.isEmpty(); k++) {
            V value = taken.remove(from[k]);
            if (value != null) {
                out.put(start + k, value);
            }
        }
        return out;
    }

    /** Per person the slots of what they own or share, in slot order: a chunk gathers its payees' lists. */
    private void buildIndex() {
        Map<Integer, int[]> counts = new HashMap<>();
        for (int i = 0; i < size; i++) {
            if (!live[i]) {
                continue;
            }
            if (owner[i] != 0) {
                counts.computeIfAbsent(owner[i], k -> new int[1])[0]++;
            }
            if (splits[i] >= 0) {
                for (Split s : splitLists.get(splits[i])) {
                    int p = Integer.parseInt(s.person().value());
                    if (p != owner[i]) {
                        counts.computeIfAbsent(p, k -> new int[1])[0]++;
                    }
                }
            }
        }
        Map<Integer, int[]> index = new HashMap<>(counts.size() * 2);
        Map<Integer, int[]> fill = new HashMap<>(counts.size() * 2);
        counts.forEach((p, n) -> {
            index.put(p, new int[n[0]]);
            fill.put(p, new int[1]);
        });
        for (int i = 0; i < size; i++) {
            if (!live[i]) {
                continue;
            }
            if (owner[i] != 0) {
                index.get(owner[i])[fill.get(owner[i])[0]++] = i;
            }
            if (splits[i] >= 0) {
                for (Split s : splitLists.get(splits[i])) {
                    int p = Integer.parseInt(s.person().value());
                    if (p != owner[i]) {
                        int[] at = fill.get(p);
                        int[] slots = index.get(p);
                        // A person twice in one split list is listed once.
                        if (at[0] == 0 || slots[at[0] - 1] != i) {
                            slots[at[0]++] = i;
                        }
                    }
                }
            }
        }
        index.replaceAll((p, slots) -> {
            int n = fill.get(p)[0];
            return n == slots.length ? slots : Arrays.copyOf(slots, n);
        });
        slotsOf = index;
        slotsOfAccount = null;
        rank = creditOrder();
        int maxPerson = 0;
        int minDay = Integer.MAX_VALUE;
        int maxDay = Integer.MIN_VALUE;
        for (Integer p : index.keySet()) {
            maxPerson = Math.max(maxPerson, p);
        }
        for (int i = 0; i < size; i++) {
            minDay = Math.min(minDay, closeDay[i]);
            maxDay = Math.max(maxDay, closeDay[i]);
        }
        people = Arrays.copyOf(people, Math.max(people.length, maxPerson + 1));
        firstDay = size == 0 ? 0 : minDay;
        days = new LocalDate[size == 0 ? 0 : maxDay - minDay + 1];
        indexStale = false;
    }

    /**
     * Every slot's place in the engine's credit order (close date, then id: CreditIndex.CREDIT_ORDER).
     * A run hands the engine its transactions in that order, so the engine's sort finds them sorted
     * and passes over them once, instead of comparing dates and id strings n log n times per run.
     * Slots are bucketed by day; within a day ids with one prefix and width (the usual "T0001234")
     * sort as numbers, anything else by the full id.
     */
    private int[] creditOrder() {
        int[] ranks = new int[size];
        if (size == 0) {
            return ranks;
        }
        int minDay = Integer.MAX_VALUE;
        int maxDay = Integer.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            minDay = Math.min(minDay, closeDay[i]);
            maxDay = Math.max(maxDay, closeDay[i]);
        }
        int[] start = new int[maxDay - minDay + 2];
        for (int i = 0; i < size; i++) {
            start[closeDay[i] - minDay + 1]++;
        }
        for (int d = 1; d < start.length; d++) {
            start[d] += start[d - 1];
        }
        int[] byDay = new int[size];
        int[] fill = Arrays.copyOf(start, start.length);
        for (int i = 0; i < size; i++) {
            byDay[fill[closeDay[i] - minDay]++] = i;
        }
        for (int d = 0; d + 1 < start.length; d++) {
            sortByIdWithinDay(byDay, start[d], start[d + 1]);
        }
        for (int position = 0; position < size; position++) {
            ranks[byDay[position]] = position;
        }
        return ranks;
    }

    private void sortByIdWithinDay(int[] slots, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int prefix = idPrefix[slots[from]];
        byte width = idWidth[slots[from]];
        boolean numeric = prefix >= 0 && to - from < (1 << 24);
        for (int k = from; k < to && numeric; k++) {
            int s = slots[k];
            numeric = idPrefix[s] == prefix && idWidth[s] == width && idNumber[s] < (1L << 39);
        }
        if (numeric) {
            // Same prefix and width: the id strings order like their numbers. Key = number, then position.
            long[] keys = new long[to - from];
            for (int k = from; k < to; k++) {
                keys[k - from] = idNumber[slots[k]] << 24 | (k - from);
            }
            Arrays.sort(keys);
            int[] copy = Arrays.copyOfRange(slots, from, to);
            for (int k = 0; k < keys.length; k++) {
                slots[from + k] = copy[(int) (keys[k] & ((1 << 24) - 1))];
            }
            return;
        }
        Integer[] boxed = new Integer[to - from];
        for (int k = from; k < to; k++) {
            boxed[k - from] = slots[k];
        }
        Arrays.sort(boxed, (a, b) -> idOf(a).compareTo(idOf(b)));
        for (int k = from; k < to; k++) {
            slots[k] = boxed[k - from];
        }
    }

    /** What {@code who} own or share through a split (null: everyone), closed inside the window, in credit order. */
    List<Transaction> read(Set<Long> who, DateRange window) {
        return read(who, Set.of(), window);
    }

    /** As {@link #read(Set, DateRange)}, and also the transactions on these accounts (taken once each). */
    List<Transaction> read(Set<Long> who, Set<Long> accountIds, DateRange window) {
        int first = Math.toIntExact(window.first().toEpochDay());
        int last = Math.toIntExact(window.last().toEpochDay());
        List<Transaction> out = new ArrayList<>();
        if (who == null) {
            int[] inOrder = new int[size];
            for (int i = 0; i < size; i++) {
                inOrder[rank[i]] = i;
            }
            for (int i : inOrder) {
                if (live[i] && closeDay[i] >= first && closeDay[i] <= last) {
                    out.add(built[i] != null ? built[i] : transaction(i));
                }
            }
            return out;
        }
        int total = 0;
        List<int[]> lists = new ArrayList<>(who.size());
        for (Long p : who) {
            int[] slots = p <= Integer.MAX_VALUE ? slotsOf.get(p.intValue()) : null;
            if (slots != null) {
                lists.add(slots);
                total += slots.length;
            }
        }
        if (!accountIds.isEmpty()) {
            Map<Integer, int[]> byAccount = accountIndex();
            for (Long a : accountIds) {
                int[] slots = a <= Integer.MAX_VALUE ? byAccount.get(a.intValue()) : null;
                if (slots != null) {
                    lists.add(slots);
                    total += slots.length;
                }
            }
        }
        int[] all = new int[total];
        int n = 0;
        for (int[] slots : lists) {
            System.arraycopy(slots, 0, all, n, slots.length);
            n += slots.length;
        }
        // Two passes, so that neither the columns nor the objects are visited at random. A chunk's slots are
        // spread over the whole store (rows arrive in import order, not by person); building objects in
        // credit order jumped about all 14 columns at random, one cache miss each. So: first the columns in
        // slot order (forward through memory) into one row of 8 longs per transaction, then the objects
        // from those rows in credit order, which is the order the engine walks them in afterwards.
        // A split deal is listed under each of its people and taken once.
        Arrays.sort(all);
        // The rows in blocks of BLOCK rows (256 KB), not one array: a manager's reach holds tens of thousands of
        // deals, and an array of half a G1 region or more (512 KB at a 3 GB heap) is a humongous object whose
        // every allocation starts a concurrent marking of the whole heap (see PackedDeals.SEGMENT).
        long[][] rows = new long[(n + BLOCK - 1) / BLOCK][];
        Transaction[] kept = new Transaction[n];
        long[] keys = new long[n];
        int count = 0;
        int previous = -1;
        for (int k = 0; k < n; k++) {
            int slot = all[k];
            if (slot != previous && live[slot] && closeDay[slot] >= first && closeDay[slot] <= last) {
                kept[count] = built[slot];
                if (kept[count] == null) {
                    long[] block = rows[count / BLOCK];
                    if (block == null) {
                        block = new long[Math.min(BLOCK, n - count / BLOCK * BLOCK) * ROW];
                        rows[count / BLOCK] = block;
                    }
                    copyRow(slot, block, count % BLOCK * ROW);
                }
                keys[count] = (long) rank[slot] << 32 | count;
                count++;
            }
            previous = slot;
        }
        Arrays.sort(keys, 0, count);
        List<Transaction> ordered = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int at = (int) keys[k];
            ordered.add(kept[at] != null ? kept[at] : transaction(rows[at / BLOCK], at % BLOCK * ROW));
        }
        return ordered;
    }

    /** The slots of each account's live transactions, built once per state (readers share it under the read lock). */
    private Map<Integer, int[]> accountIndex() {
        Map<Integer, int[]> index = slotsOfAccount;
        if (index != null) {
            return index;
        }
        synchronized (this) {
            if (slotsOfAccount == null) {
                Map<Integer, int[]> counts = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    if (live[i] && account[i] != 0) {
                        counts.computeIfAbsent(account[i], k -> new int[1])[0]++;
                    }
                }
                Map<Integer, int[]> byAccount = new HashMap<>(counts.size() * 2);
                counts.forEach((a, n) -> byAccount.put(a, new int[n[0]]));
                Map<Integer, int[]> fill = new HashMap<>(counts.size() * 2);
                for (int i = 0; i < size; i++) {
                    if (live[i] && account[i] != 0) {
                        byAccount.get(account[i])[fill.computeIfAbsent(account[i], k -> new int[1])[0]++] = i;
                    }
                }
                slotsOfAccount = byAccount;
            }
            return slotsOfAccount;
        }
    }

    /** Longs per row in {@link #copyRow}. */
    private static final int ROW = 8;

    /** Rows per block of a read's rows (4,096 rows of 8 longs: 256 KB). */
    private static final int BLOCK = 4_096;

    /** A slot's columns side by side: slot and id width, units, id number, then the int columns two to a long. */
    private void copyRow(int slot, long[] rows, int at) {
        rows[at] = (long) idWidth[slot] << 32 | slot;
        rows[at + 1] = units[slot];
        rows[at + 2] = idNumber[slot];
        rows[at + 3] = (long) owner[slot] << 32 | (closeDay[slot] & 0xFFFFFFFFL);
        rows[at + 4] = (long) currency[slot] << 32 | (status[slot] & 0xFFFFFFFFL);
        rows[at + 5] = (long) type[slot] << 32 | (product[slot] & 0xFFFFFFFFL);
        rows[at + 6] = (long) account[slot] << 32 | (attributes[slot] & 0xFFFFFFFFL);
        rows[at + 7] = (long) splits[slot] << 32 | (idPrefix[slot] & 0xFFFFFFFFL);
    }

    private Transaction transaction(int slot) {
        long[] row = new long[ROW];
        copyRow(slot, row, 0);
        return transaction(row, 0);
    }

    private Transaction transaction(long[] rows, int at) {
        int slot = (int) rows[at];
        long unitsValue = rows[at + 1];
        BigDecimal amount = unitsValue == NO_UNITS ? bigAmounts.get(slot) : BigDecimal.valueOf(unitsValue, SCALE);
        int ownerId = (int) (rows[at + 3] >> 32);
        int splitList = (int) (rows[at + 7] >> 32);
        int accountId = (int) (rows[at + 6] >> 32);
        return new Transaction(
                TransactionId.of(idOf(slot, (int) rows[at + 7], rows[at + 2], (byte) (rows[at] >> 32))),
                ownerId == 0 ? null : person(ownerId),
                splitList < 0 ? List.of() : splitLists.get(splitList),
                day((int) rows[at + 3]),
                Money.of(amount, strings.currency((int) (rows[at + 4] >> 32))),
                strings.value((int) rows[at + 4]),
                strings.value((int) (rows[at + 5] >> 32)),
                strings.value((int) rows[at + 5]),
                accountId == 0 ? Map.of() : accounts.getOrDefault(accountId, Map.of()),
                attributeMaps.get((int) rows[at + 6]),
                null);
    }

    private LocalDate day(int epochDay) {
        LocalDate[] cache = days;
        int at = epochDay - firstDay;
        if (at < 0 || at >= cache.length) {
            return LocalDate.ofEpochDay(epochDay);
        }
        LocalDate day = cache[at];
        if (day == null) {
            day = LocalDate.ofEpochDay(epochDay);
            cache[at] = day;
        }
        return day;
    }

    private PersonId person(long id) {
        PersonId[] cache = people;
        if (id >= cache.length) {
            return TransactionValues.pid(id);
        }
        PersonId person = cache[(int) id];
        if (person == null) {
            person = TransactionValues.pid(id);
            cache[(int) id] = person;
        }
        return person;
    }

    /**
     * Whether the engine's transaction objects (~250 bytes each, against ~70 in columns) fit in a fifth
     * of the heap: then they are built once when rows arrive instead of for every run. A million
     * transactions under a 2 GB heap are kept; ten million under 4 GB stay columns only.
     */
    private boolean keepsObjects() {
        return (long) size * 250 < Runtime.getRuntime().maxMemory() / 5;
    }

    private void clearRows() {
        Arrays.fill(built, null);
        size = 0;
        clustered = 0;
        idsSorted = new long[0];
        slotsById = new int[0];
        sortedUpTo = 0;
        outOfOrder.clear();
        oddIds.clear();
        bigAmounts.clear();
        splitLists.clear();
        indexStale = true;
    }

    /** Everything dropped: the next fill starts from nothing. */
    void clear() {
        clearRows();
        accounts.clear();
        grow(0);
    }
}
