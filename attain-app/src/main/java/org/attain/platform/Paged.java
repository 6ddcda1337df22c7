package org.attain.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list with the total it was cut from: what the shared pager ({@code fragments/paging})
 * shows as "51–100 of 230", page links and a choice of size.
 */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public Paged {
        items = List.copyOf(items);
    }

    public static <T> Paged<T> of(List<T> items, PageRequest request, long total) {
        return new Paged<>(items, request.page(), request.size(), total);
    }

    public <R> Paged<R> map(Function<T, R> f) {
        return new Paged<>(items.stream().map(f).toList(), page, size, total);
    }

    /** The page sizes a person may choose. */
    public List<Integer> sizes() {
        return PageRequest.SIZES;
    }

    /** True when the page has the default size (a filter form need not carry it). */
    public boolean defaultSize() {
        return size == PageRequest.DEFAULT_SIZE;
    }

    /** Pages in all, at least one (an empty list has one empty page). */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** 1-based number of the first row shown (0 when none is). */
    public long first() {
        return items.isEmpty() ? 0 : (long) page * size + 1;
    }

    /** 1-based number of the last row shown. */
    public long last() {
        return items.isEmpty() ? 0 : (long) page * size + items.size();
    }

    /**
     * The page numbers (0-based) the pager links to: the first, the last and two either side of
     * this one; -1 marks a gap ("…").
     */
    public List<Integer> window() {
        List<Integer> out = new ArrayList<>();
        int last = pages() - 1;
        int previous = -2;
        for (int i = 0; i <= last; i++) {
            if (i == 0 || i == last || Math.abs(i - page) <= 2) {
                if (previous >= 0 && i - previous > 1) {
                    out.add(-1);
                }
                out.add(i);
                previous = i;
            }
        }
        return out;
    }
}
