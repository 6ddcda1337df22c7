package org.attain.demo;

/** Customer size; drives deal sizes and sales-cycle length. */
public enum SizeBand {
    SMB,
    MID,
    ENTERPRISE
}
