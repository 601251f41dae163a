package io.imflux.api;

import reactor.core.publisher.Mono;

/** Turns a request's {@code token} header into its operator, or fails with the token error (spec/common.md §4.2). */
public interface Authenticator {

  Mono<Operator> authenticate(String token);
}
