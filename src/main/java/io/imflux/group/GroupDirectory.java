package io.imflux.group;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the message path needs to know about groups (spec/api-msg.md §11.5, spec/pipeline.md §10.1, §13): the group,
 * one member, all member IDs. The groups feature owns and writes this data.
 */
public interface GroupDirectory {

  int STATUS_OK = 0;
  int STATUS_DISMISSED = 2;
  int STATUS_MUTED = 3;
  int TYPE_SUPER_GROUP = 1;
  int ROLE_OWNER = 100;
  int ROLE_ADMIN = 60;
  int ROLE_ORDINARY = 20;

  record Group(String groupID, String groupName, String faceURL, String ownerUserID, int status, int groupType) {}

  record Member(String groupID, String userID, int roleLevel, long muteEndTime) {}

  Mono<Group> group(String groupID);

  Mono<Member> member(String groupID, String userID);

  Flux<String> memberIDs(String groupID);
}
