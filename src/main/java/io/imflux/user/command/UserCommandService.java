package io.imflux.user.command;

import io.imflux.api.ApiRequest;
import io.imflux.api.Dialect;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.proto.user.CommandInfoResp;
import io.imflux.proto.user.ProcessUserCommandAddReq;
import io.imflux.proto.user.ProcessUserCommandDeleteReq;
import io.imflux.proto.user.ProcessUserCommandGetAllReq;
import io.imflux.proto.user.ProcessUserCommandGetAllResp;
import io.imflux.proto.user.ProcessUserCommandGetReq;
import io.imflux.proto.user.ProcessUserCommandGetResp;
import io.imflux.proto.user.ProcessUserCommandUpdateReq;
import io.imflux.user.UserStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The rules of the command routes (spec/api-auth-user.md §18–22): Check rules, then self/admin, then the store, then
 * the self-notification.
 */
@Service
class UserCommandService {

  private final UserCommandStore store;
  private final UserStore users;
  private final UserCommandNotifier notifier;
  private final Dialect dialect;

  UserCommandService(UserCommandStore store, UserStore users, UserCommandNotifier notifier, Dialect dialect) {
    this.store = store;
    this.users = users;
    this.notifier = notifier;
    this.dialect = dialect;
  }

  /**
   * Stores {@code value} and {@code ex} as given (the reference moves {@code ex} into {@code value}; our decision
   * in the spec). Unlike the reference, the user must exist: storing commands for a mistyped ID would succeed
   * silently and never be seen.
   */
  Mono<Void> add(ApiRequest<ProcessUserCommandAddReq> request) {
    return Mono.defer(() -> {
      ProcessUserCommandAddReq req = request.body();
      UserCommandChecks.requireKey(req.getUserID(), req.getType(), req.getUuid());
      request.operator().requireSelfOrAdmin(req.getUserID());
      UserCommand command = new UserCommand(UserCommandStore.newId(), req.getType(), req.getUuid(),
          req.getValue().getValue(), req.getEx().getValue(), System.currentTimeMillis());
      return users.find(req.getUserID())
          .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.USER_NOT_FOUND, "user not found")))
          .then(store.add(req.getUserID(), command))
          .then(notifier.added(req.getUserID()));
    });
  }

  Mono<Void> delete(ApiRequest<ProcessUserCommandDeleteReq> request) {
    return Mono.defer(() -> {
      ProcessUserCommandDeleteReq req = request.body();
      UserCommandChecks.requireKey(req.getUserID(), req.getType(), req.getUuid());
      request.operator().requireSelfOrAdmin(req.getUserID());
      return store.deleteOne(req.getUserID(), req.getType(), req.getUuid())
          .flatMap(deleted -> deleted ? notifier.deleted(req.getUserID()) : Mono.error(commandNotFound()));
    });
  }

  /** Neither {@code value} nor {@code ex} given: success without looking, and no notification since nothing changed. */
  Mono<Void> update(ApiRequest<ProcessUserCommandUpdateReq> request) {
    return Mono.defer(() -> {
      ProcessUserCommandUpdateReq req = request.body();
      UserCommandChecks.requireKey(req.getUserID(), req.getType(), req.getUuid());
      request.operator().requireSelfOrAdmin(req.getUserID());
      if (!req.hasValue() && !req.hasEx()) {
        return Mono.empty();
      }
      return store.updateOne(req.getUserID(), req.getType(), req.getUuid(),
              req.hasValue() ? req.getValue().getValue() : null, req.hasEx() ? req.getEx().getValue() : null)
          .flatMap(updated -> updated ? notifier.updated(req.getUserID()) : Mono.error(commandNotFound()));
    });
  }

  Mono<ProcessUserCommandGetResp> get(ApiRequest<ProcessUserCommandGetReq> request) {
    return Mono.defer(() -> {
      ProcessUserCommandGetReq req = request.body();
      UserCommandChecks.requireUserAndType(req.getUserID(), req.getType());
      request.operator().requireSelfOrAdmin(req.getUserID());
      return store.findAll(req.getUserID())
          .filter(command -> command.type() == req.getType())
          .map(this::toResp)
          .collectList()
          .map(list -> ProcessUserCommandGetResp.newBuilder().addAllCommandResp(list).build());
    });
  }

  Mono<ProcessUserCommandGetAllResp> getAll(ApiRequest<ProcessUserCommandGetAllReq> request) {
    return Mono.defer(() -> {
      ProcessUserCommandGetAllReq req = request.body();
      UserCommandChecks.requireUser(req.getUserID());
      request.operator().requireSelfOrAdmin(req.getUserID());
      return store.findAll(req.getUserID())
          .map(this::toResp)
          .collectList()
          .map(list -> ProcessUserCommandGetAllResp.newBuilder().addAllCommandResp(list).build());
    });
  }

  private CommandInfoResp toResp(UserCommand command) {
    // The reference stores seconds; the document promises milliseconds (spec/dialects.md §5).
    long createTime = dialect == Dialect.OPENIM ? command.createTime() / 1000 : command.createTime();
    return CommandInfoResp.newBuilder()
        .setType(command.type())
        .setCreateTime(createTime)
        .setUuid(command.uuid())
        .setValue(command.value())
        .setEx(command.ex())
        .build();
  }

  private static ImError commandNotFound() {
    return new ImError(ErrorKind.RECORD_NOT_FOUND, "command not found");
  }
}
