package org.attain.demo;

/** A catalogue entry; maps to table {@code product}. */
public record Product(String code, String name, String family) {}
