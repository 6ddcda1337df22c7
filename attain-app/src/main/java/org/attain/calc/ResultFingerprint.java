package org.attain.calc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.PayeePeriodResult;

/** A result's fingerprint: equal fingerprints mean the payee-period came out the same. */
final class ResultFingerprint {

    private ResultFingerprint() {}

    /**
     * What decides whether a payee-period's result changed: the payout, every line's component, amount,
     * uncapped amount, qualifying transactions and explained deals, and the ledger. Fed to the digest
     * field by field (a separator byte after each) rather than through a JSON copy of the lines, which
     * for a line with thousands of deals cost more than the line itself. A line's deals go in as their
     * packed bytes (ids, shares, credited amounts, tier slices: more than the ids alone, and without a
     * string per deal); its qualifying ids go in one by one only when they are not the packed deals' ids.
     */
    static String of(PayeePeriodResult s, String ledger, ByteBuffer[] linePacks) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        field(digest, s.payout().toPlainString());
        List<EarningsLine> lines = s.lines();
        for (int no = 0; no < lines.size(); no++) {
            EarningsLine l = lines.get(no);
            field(digest, l.component());
            field(digest, l.amount().toPlainString());
            field(digest, l.uncapped() == null ? "" : l.uncapped().toPlainString());
            if (linePacks[no] != null) {
                packChecksums(digest, linePacks[no]);
            }
            if (linePacks[no] == null || !ResultWriter.qualifyingArePackedDeals(l)) {
                l.qualifying().forEach(q -> field(digest, q.toString()));
            }
            digest.update((byte) 1);
        }
        field(digest, ledger);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A digest of everything stored for a result, for deciding that a rerun's result equals the stored one
     * and need not be stored again: the {@code fingerprint} (payout, lines' amounts, deals, ledger), and what
     * the fingerprint leaves out because it is shown rather than paid: currency, earnings, quota, attainment,
     * the measures' JSON, each line's kind, plan, period and trace JSON, and {@code context} (the plan
     * versions the run compiled, which name the version that paid a line).
     */
    static String content(String context, String fingerprint, PayeePeriodResult s, String measures, String[] traces) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        field(digest, context);
        field(digest, fingerprint);
        field(digest, s.payout().currency().code());
        field(digest, s.earnings().amount().toPlainString());
        var quotaPlan = s.quotaPlan().orElse(null);
        field(
                digest,
                quotaPlan == null || quotaPlan.quota() == null
                        ? ""
                        : quotaPlan.quota().amount().toPlainString());
        field(
                digest,
                quotaPlan == null || quotaPlan.attainment() == null
                        ? ""
                        : quotaPlan.attainment().toPlainString());
        field(digest, measures);
        List<EarningsLine> lines = s.lines();
        for (int no = 0; no < lines.size(); no++) {
            EarningsLine l = lines.get(no);
            field(digest, l.kind());
            field(digest, l.plan() == null ? "" : l.plan());
            field(digest, l.forPeriod() == null ? "" : l.forPeriod().toString());
            field(digest, traces[no]);
            digest.update((byte) 1);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A line's packed deals enter the fingerprint as their length and two independent 32-bit checksums
     * (CRC-32C and CRC-32, both computed by the processor's CRC instructions) instead of the bytes
     * themselves: SHA-256 over ~75 bytes a deal cost more than the deals' crediting. A changed deal
     * (id, share, amount, slice) changes both checksums unless it collides in 64 bits at equal length;
     * the fingerprint decides which results are reported as changed and whether a rerun stores a result's
     * explained deals again or points at the equal current result's (its payout and lines are always stored).
     */
    private static void packChecksums(MessageDigest digest, ByteBuffer pack) {
        CRC32C c = new CRC32C();
        c.update(pack.array(), pack.arrayOffset() + pack.position(), pack.remaining());
        CRC32 d = new CRC32();
        d.update(pack.array(), pack.arrayOffset() + pack.position(), pack.remaining());
        ByteBuffer sums = ByteBuffer.allocate(16)
                .putInt(pack.remaining())
                .putInt((int) c.getValue())
                .putLong(d.getValue());
        digest.update(sums.array());
    }

    private static void field(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
