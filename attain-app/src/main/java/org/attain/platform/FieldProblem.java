package org.attain.platform;

/**
 * One thing wrong with one input field. {@code code} is the message key for pages in the user's
 * language; {@code reason} is the English text the API returns.
 */
public record FieldProblem(String field, String code, String reason) {}
