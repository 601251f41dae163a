package io.imflux.auth;

import io.imflux.api.Platform;
import reactor.core.publisher.Mono;

/**
 * Told when an admin forces a user off a platform, before that platform's tokens are kicked. The WebSocket gateway
 * implements it to close the user's connections there; with no gateway there are no connections to close.
 */
public interface LogoutListener {

  Mono<Void> onForcedLogout(String userID, Platform platform);
}
