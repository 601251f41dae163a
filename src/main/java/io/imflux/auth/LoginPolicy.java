package io.imflux.auth;

import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Platform;
import io.imflux.api.Platform.PlatformClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The multi-login policies (spec/common.md §4.3): given a user's valid tokens per platform, oldest first, and the
 * platform a new token is being issued for, which tokens to kick. Admin-platform tokens are never passed in.
 */
public final class LoginPolicy {

  public static final int KEEP_UP_TO_MAX = 0;
  public static final int ONE_PER_PLATFORM = 1;
  public static final int ONE_PER_CLASS = 4;
  public static final int PC_AND_ONE_OTHER = 5;

  private LoginPolicy() {}

  public static boolean isKnown(int policy) {
    return policy == KEEP_UP_TO_MAX || policy == ONE_PER_PLATFORM || policy == ONE_PER_CLASS
        || policy == PC_AND_ONE_OTHER;
  }

  public static Map<Platform, List<String>> kicks(int policy, int maxPerPlatform, Map<Platform, List<String>> tokens,
      Platform target) {
    Map<Platform, List<String>> kicked = new EnumMap<>(Platform.class);
    switch (policy) {
      case KEEP_UP_TO_MAX -> tokens.forEach((platform, list) -> {
        int count = list.size() + (platform == target ? 1 : 0);
        int limit = Math.max(1, maxPerPlatform);
        if (count > limit) {
          kicked.put(platform, List.copyOf(list.subList(0, Math.min(list.size(), count - limit))));
        }
      });
      case ONE_PER_PLATFORM -> tokens.forEach((platform, list) ->
          kicked.put(platform, platform == target ? List.copyOf(list) : allButNewest(list)));
      case ONE_PER_CLASS -> {
        Set<PlatformClass> kept = new HashSet<>();
        tokens.forEach((platform, list) -> {
          PlatformClass platformClass = platform.platformClass();
          if (platformClass == target.platformClass() || !kept.add(platformClass)) {
            kicked.put(platform, List.copyOf(list));
          } else {
            kicked.put(platform, allButNewest(list));
          }
        });
      }
      case PC_AND_ONE_OTHER -> pcAndOneOther(tokens, target, kicked);
      default -> throw new ImError(ErrorKind.INTERNAL, "unknown multiLogin policy");
    }
    kicked.values().removeIf(List::isEmpty);
    return kicked;
  }

  private static void pcAndOneOther(Map<Platform, List<String>> tokens, Platform target,
      Map<Platform, List<String>> kicked) {
    List<Platform> others = new ArrayList<>();
    tokens.forEach((platform, list) -> {
      if (platform.platformClass() != PlatformClass.PC && !list.isEmpty()) {
        others.add(platform);
      }
    });
    if (target.platformClass() != PlatformClass.PC) {
      others.forEach(platform -> kicked.put(platform, List.copyOf(tokens.get(platform))));
      return;
    }
    Platform survivor = others.contains(Platform.ANDROID) ? Platform.ANDROID : others.isEmpty() ? null : others.get(0);
    for (Platform platform : others) {
      List<String> list = tokens.get(platform);
      kicked.put(platform, platform == survivor ? allButNewest(list) : List.copyOf(list));
    }
  }

  private static List<String> allButNewest(List<String> list) {
    return list.isEmpty() ? List.of() : List.copyOf(list.subList(0, list.size() - 1));
  }
}
