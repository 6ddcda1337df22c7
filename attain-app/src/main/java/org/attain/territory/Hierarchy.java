package org.attain.territory;

/** A hierarchy of territories: each account lands in exactly one territory of it on a day. */
public record Hierarchy(long id, String code, String name) {}
