package io.imflux.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/** Runs an {@link ImfluxTest} with {@code imflux.dialect=openim}: the reference's error codes and platform IDs. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = "imflux.dialect=openim")
public @interface OpenImDialect {}
