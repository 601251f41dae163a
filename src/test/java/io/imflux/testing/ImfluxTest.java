package io.imflux.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An integration test against the real server: standalone mode, the embedded store in a fresh directory under
 * {@code target/}, HTTP and the WebSocket gateway on random ports (the gateway's is {@code GatewayServer.port()}).
 * Test classes with the same settings share one server, so tests use
 * their own user IDs ({@link ApiClient#uniqueId}). Add {@code properties = "imflux.dialect=openim"} through
 * {@link OpenImDialect} for the reference's numbers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"imflux.embedded-mongo.path=target/test-data/${random.uuid}", "imflux.gateway.port=0"})
public @interface ImfluxTest {}
