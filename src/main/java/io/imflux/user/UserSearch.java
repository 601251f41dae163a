package io.imflux.user;

import java.util.List;

/**
 * Users of the given {@code appMangerLevel}s whose ID or nickname matches a case-insensitive regular expression; an
 * empty pattern is not used, and with both empty every user of those levels matches.
 */
public record UserSearch(List<Integer> levels, String userIDPattern, String nicknamePattern) {

  public UserSearch {
    levels = List.copyOf(levels);
  }
}
