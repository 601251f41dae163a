package io.imflux.gateway;

import io.imflux.api.Platform;
import io.imflux.api.Platform.PlatformClass;
import io.imflux.auth.LoginPolicy;
import java.util.List;
import java.util.function.Function;

/**
 * Which of a user's connections a new connection kicks under the multi-login policy, and which tokens the auth side
 * then invalidates (spec/gateway.md §15). A connection with the very token of the new one is never kicked: that is a
 * fast reconnect whose old socket is still registered.
 */
final class LoginKicks {

  /** What happens to tokens after the kicks. */
  enum Invalidation {
    NONE,
    /** Every token of (user, new platform) except the new connection's (policies 1 and 5). */
    PLATFORM_EXCEPT_NEW,
    /** Exactly the kicked connections' tokens (policy 4). */
    KICKED_TOKENS
  }

  record Decision<T>(List<T> kicked, Invalidation invalidation) {

    static <T> Decision<T> none() {
      return new Decision<>(List.of(), Invalidation.NONE);
    }
  }

  private LoginKicks() {}

  /**
   * @param existing the user's connections on this gateway before the new one registers
   */
  static <T> Decision<T> decide(int policy, List<T> existing, Function<T, Platform> platformOf,
      Function<T, String> tokenOf, Platform platform, String token) {
    if (existing.isEmpty()) {
      return Decision.none();
    }
    return switch (policy) {
      case LoginPolicy.ONE_PER_PLATFORM -> {
        List<T> samePlatform = existing.stream().filter(c -> platformOf.apply(c) == platform).toList();
        yield samePlatform.isEmpty() ? Decision.none() : new Decision<>(
            samePlatform.stream().filter(c -> !tokenOf.apply(c).equals(token)).toList(),
            Invalidation.PLATFORM_EXCEPT_NEW);
      }
      case LoginPolicy.ONE_PER_CLASS -> new Decision<>(existing.stream()
          .filter(c -> platformOf.apply(c).platformClass() == platform.platformClass())
          .filter(c -> !tokenOf.apply(c).equals(token))
          .toList(), Invalidation.KICKED_TOKENS);
      case LoginPolicy.PC_AND_ONE_OTHER -> platform.platformClass() == PlatformClass.PC ? Decision.none()
          : new Decision<>(existing.stream()
              .filter(c -> platformOf.apply(c).platformClass() != PlatformClass.PC)
              .filter(c -> !tokenOf.apply(c).equals(token))
              .toList(), Invalidation.PLATFORM_EXCEPT_NEW);
      default -> Decision.none();
    };
  }
}
