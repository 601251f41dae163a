package io.imflux.conversation;

import static io.imflux.conversation.ConversationChecks.require;

import io.imflux.api.ApiRequest;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.conversation.Conversation;
import io.imflux.proto.conversation.ConversationReq;
import io.imflux.proto.conversation.SetConversationsReq;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /conversation/set_conversations} (spec/api-conversation.md §6.5): sets the present fields of one conversation
 * for each listed owner, creating missing records, and tells each owner whose record changed (1300); with
 * {@code isPrivateChat} outside groups it also syncs private chat onto the peer's record and sends 1701 (§5.5).
 */
@Service
class SetConversationsService {

  private final ConversationStore store;
  private final Conversations conversations;
  private final DestructMarkers destructMarkers;
  private final ConversationNotifier notifier;
  private final GroupDirectory groups;

  SetConversationsService(ConversationStore store, Conversations conversations, DestructMarkers destructMarkers,
      ConversationNotifier notifier, GroupDirectory groups) {
    this.store = store;
    this.conversations = conversations;
    this.destructMarkers = destructMarkers;
    this.notifier = notifier;
    this.groups = groups;
  }

  Mono<Void> set(ApiRequest<SetConversationsReq> request) {
    return Mono.defer(() -> {
      SetConversationsReq body = request.body();
      require(request.has("userIDs"), "userID is empty");
      require(body.hasConversation(), "conversation is empty");
      ConversationReq conversation = body.getConversation();
      int type = conversation.getConversationType();
      require(type != 0, "conversationType is invalid");
      require(type != ConversationIds.SINGLE_CHAT || !conversation.getUserID().isEmpty(), "userID is empty");
      require(type != ConversationIds.GROUP_CHAT || !conversation.getGroupID().isEmpty(), "groupID is empty");
      body.getUserIDsList().forEach(request.operator()::requireSelfOrAdmin);
      return requireUsableLegacyGroup(conversation)
          .then(Mono.defer(() -> apply(List.copyOf(new LinkedHashSet<>(body.getUserIDsList())), conversation)));
    });
  }

  /**
   * The rules of set_conversations for owners already allowed: also how the server itself changes records, as for
   * a group announcement (spec/api-conversation.md §5.2).
   */
  Mono<Void> apply(List<String> owners, ConversationReq conversation) {
    ConversationPatch patch = ConversationPatch.applied(conversation);
    Mono<Void> fields = patch.isEmpty() || owners.isEmpty() ? Mono.empty() : setFields(owners, conversation, patch);
    if (!conversation.hasIsPrivateChat() || conversation.getConversationType() == ConversationIds.GROUP_CHAT) {
      return fields;
    }
    return fields.then(Flux.fromIterable(owners)
        .concatMap(owner -> syncPrivateChat(owner, conversation, conversation.getIsPrivateChat().getValue()))
        .then());
  }

  /** §6.5 step 2-3: owners without a record get one, owners whose values differ get the update, each gets 1300. */
  private Mono<Void> setFields(List<String> owners, ConversationReq conversation, ConversationPatch patch) {
    String conversationID = conversation.getConversationID();
    return Flux.fromIterable(owners)
        .concatMap(owner -> store.find(owner, conversationID).map(Optional::of).defaultIfEmpty(Optional.empty())
            .map(found -> new Owned(owner, found.orElse(null))))
        .filter(owned -> owned.record() == null || patch.changes(owned.record()))
        .collectList()
        .flatMap(marked -> marked.isEmpty() ? Mono.empty() : write(marked, conversation, patch));
  }

  /** An owner and their record, null when they have none. */
  private record Owned(String owner, @Nullable Conversation record) {}

  private Mono<Void> write(List<Owned> marked, ConversationReq conversation, ConversationPatch patch) {
    List<Conversation> missing = marked.stream().filter(owned -> owned.record() == null)
        .map(owned -> patch.applyTo(blank(owned.owner(), conversation)))
        .toList();
    List<String> changing = marked.stream().filter(owned -> owned.record() != null).map(Owned::owner).toList();
    List<Conversation> destructing = marked.stream()
        .map(owned -> owned.record() == null ? blank(owned.owner(), conversation) : owned.record())
        .map(patch::applyTo)
        .filter(DestructMarkers::isOn)
        .toList();
    return destructMarkers.mark(destructing)
        .then(conversations.update(changing, conversation.getConversationID(), patch))
        .then(missing.isEmpty() ? Mono.empty() : ensure(missing, patch))
        .thenMany(Flux.fromIterable(marked))
        .concatMap(owned -> notifier.changed(owned.owner(), conversation.getConversationID()))
        .then();
  }

  /** §5.5: the owner's and the peer's records get isPrivateChat (created if missing), then 1701 owner → peer. */
  private Mono<Void> syncPrivateChat(String owner, ConversationReq conversation, boolean isPrivate) {
    ConversationPatch patch = ConversationPatch.of(ConversationPatch.IS_PRIVATE_CHAT, isPrivate);
    String peer = conversation.getUserID();
    List<Conversation> records = new ArrayList<>(2);
    records.add(patch.applyTo(blank(owner, conversation)));
    if (!peer.isEmpty() && !peer.equals(owner)) {
      records.add(patch.applyTo(Conversations.blank(peer, conversation.getConversationID(),
          conversation.getConversationType(), owner, "").build()));
    }
    Mono<Void> synced = Flux.fromIterable(records).concatMap(record -> ensure(List.of(record), patch)).then();
    return peer.isEmpty()
        ? synced
        : synced.then(notifier.privateChatSet(owner, peer, isPrivate, conversation.getConversationID()));
  }

  /**
   * Creates the records that are missing and applies the patch to the others: a record created by someone else
   * since it was found missing still gets the patch.
   */
  private Mono<Void> ensure(List<Conversation> records, ConversationPatch patch) {
    String conversationID = records.get(0).getConversationID();
    return conversations.create(records).flatMap(created -> {
      Set<String> createdOwners = created.stream().map(Conversation::getOwnerUserID).collect(Collectors.toSet());
      List<String> existing = records.stream().map(Conversation::getOwnerUserID)
          .filter(owner -> !createdOwners.contains(owner))
          .toList();
      return conversations.update(existing, conversationID, patch);
    });
  }

  private static Conversation blank(String owner, ConversationReq conversation) {
    return Conversations.blank(owner, conversation.getConversationID(), conversation.getConversationType(),
        conversation.getUserID(), conversation.getGroupID()).build();
  }

  /** Type 2 (legacy group) needs the group to exist and not be dismissed (spec §6.5). */
  private Mono<Void> requireUsableLegacyGroup(ConversationReq conversation) {
    if (conversation.getConversationType() != ConversationIds.WRITE_GROUP_CHAT) {
      return Mono.empty();
    }
    return groups.group(conversation.getGroupID())
        .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.GROUP_RECORD_NOT_FOUND,
            "group " + conversation.getGroupID() + " not found")))
        .flatMap(group -> group.status() == GroupDirectory.STATUS_DISMISSED
            ? Mono.error(new ImError(ErrorKind.GROUP_DISMISSED, "group dismissed"))
            : Mono.empty());
  }
}
