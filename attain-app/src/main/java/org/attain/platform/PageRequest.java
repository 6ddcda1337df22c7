package org.attain.platform;

/**
 * One page of a list as asked for in the URL ({@code ?page=2&size=50}): 0-based page, size one of
 * {@link #SIZES} (anything else falls back to the default), read by the owner's SQL as
 * {@code limit :limit offset :offset} so a list never loads more rows than it shows.
 */
public record PageRequest(int page, int size) {

    /** Rows a list shows unless the URL asks for another size. */
    public static final int DEFAULT_SIZE = 50;

    /** The sizes a person may choose: a page never shows more than the largest. */
    public static final java.util.List<Integer> SIZES = java.util.List.of(25, 50, 100, 200);

    public PageRequest {
        page = Math.max(page, 0);
        size = SIZES.contains(size) ? size : DEFAULT_SIZE;
    }

    /** The page asked for, with defaults for what the URL left out or got wrong. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    /** This page, or the last one when it lies past the end of {@code total} rows (a stale or typed link). */
    public PageRequest within(long total) {
        long last = Math.max(0, (total - 1) / size);
        return page > last ? new PageRequest((int) last, size) : this;
    }

    public int limit() {
        return size;
    }

    public long offset() {
        return (long) page * size;
    }
}
