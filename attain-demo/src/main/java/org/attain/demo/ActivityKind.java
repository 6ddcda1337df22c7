package org.attain.demo;

/** The values of {@code activity.kind}. */
public enum ActivityKind {
    CALL,
    EMAIL,
    MEETING,
    WEBINAR
}
