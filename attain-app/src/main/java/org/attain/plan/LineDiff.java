package org.attain.plan;

import java.util.ArrayList;
import java.util.List;

/** A longest-common-subsequence line diff: plans are short documents, so quadratic is fine. */
final class LineDiff {

    private LineDiff() {}

    static List<Plans.DiffLine> between(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Plans.DiffLine> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Plans.DiffLine(' ', a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Plans.DiffLine('-', a[i++]));
            } else {
                out.add(new Plans.DiffLine('+', b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Plans.DiffLine('-', a[i++]));
        }
        while (j < b.length) {
            out.add(new Plans.DiffLine('+', b[j++]));
        }
        return out;
    }
}
