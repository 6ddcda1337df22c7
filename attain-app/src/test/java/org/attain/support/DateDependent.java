package org.attain.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test whose expectations follow from the day it runs on (periods, quarters, the demo company's
 * dates). Besides the normal run on {@link AttainIntegrationTest#TODAY}, the build runs these again
 * with the clock on a quarter's last day, 29 February and 31 December, so a test that only holds on
 * some days fails at once rather than months later.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("date-dependent")
public @interface DateDependent {}
