package io.imflux.auth;

import io.imflux.config.ImfluxProperties;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The configured admin users (spec/common.md §4.4): being one of them is what makes a caller an admin. */
@Component
public class AdminUsers {

  private final List<String> userIDs;
  private final List<String> nicknames;
  private final Set<String> lookup;

  public AdminUsers(ImfluxProperties properties) {
    this.userIDs = List.copyOf(properties.admin().userIds());
    this.nicknames = List.copyOf(properties.admin().nicknames());
    this.lookup = Set.copyOf(userIDs);
  }

  public boolean isAdmin(String userID) {
    return lookup.contains(userID);
  }

  public List<String> userIDs() {
    return userIDs;
  }

  /** The nickname configured for the admin at {@code index}, or its ID when the list is shorter. */
  public String nickname(int index) {
    return index < nicknames.size() ? nicknames.get(index) : userIDs.get(index);
  }
}
