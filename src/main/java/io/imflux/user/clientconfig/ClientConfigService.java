package io.imflux.user.clientconfig;

import io.imflux.api.ApiRequest;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Paging;
import io.imflux.proto.user.ClientConfig;
import io.imflux.proto.user.DelUserClientConfigReq;
import io.imflux.proto.user.GetUserClientConfigReq;
import io.imflux.proto.user.GetUserClientConfigResp;
import io.imflux.proto.user.PageUserClientConfigReq;
import io.imflux.proto.user.PageUserClientConfigResp;
import io.imflux.proto.user.SetUserClientConfigReq;
import io.imflux.user.UserStore;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The rules of the client-configuration routes (spec/api-auth-user.md §26–29). None of them notifies anyone. */
@Service
class ClientConfigService {

  private final ClientConfigStore store;
  private final UserStore users;

  ClientConfigService(ClientConfigStore store, UserStore users) {
    this.store = store;
    this.users = users;
  }

  /** The global settings overlaid with the user's own (the user's value wins per key). */
  Mono<GetUserClientConfigResp> get(ApiRequest<GetUserClientConfigReq> request) {
    return Mono.defer(() -> {
      String userID = request.body().getUserID();
      Flux<ClientConfigEntry> entries = store.findScope("");
      Mono<Void> allowed = Mono.empty();
      if (!userID.isEmpty()) {
        request.operator().requireSelfOrAdmin(userID);
        allowed = requireUser(userID);
        entries = Flux.concat(entries, store.findScope(userID));
      }
      return allowed.thenMany(entries)
          .collect(LinkedHashMap<String, String>::new, (configs, entry) -> configs.put(entry.key(), entry.value()))
          .map(configs -> GetUserClientConfigResp.newBuilder().putAllConfigs(configs).build());
    });
  }

  Mono<Void> set(ApiRequest<SetUserClientConfigReq> request) {
    return Mono.defer(() -> {
      SetUserClientConfigReq req = request.body();
      request.operator().requireAdmin();
      Mono<Void> allowed = req.getUserID().isEmpty() ? Mono.empty() : requireUser(req.getUserID());
      return allowed.then(Mono.defer(() -> store.upsert(req.getUserID(), req.getConfigsMap())));
    });
  }

  /** Missing keys are not an error and the user's existence is not checked (spec/api-auth-user.md §28). */
  Mono<Void> delete(ApiRequest<DelUserClientConfigReq> request) {
    return Mono.defer(() -> {
      DelUserClientConfigReq req = request.body();
      request.operator().requireAdmin();
      return store.delete(req.getUserID(), req.getKeysList());
    });
  }

  Mono<PageUserClientConfigResp> page(ApiRequest<PageUserClientConfigReq> request) {
    return Mono.defer(() -> {
      PageUserClientConfigReq req = request.body();
      request.operator().requireAdmin();
      return store.find(req.getUserID(), req.getKey())
          .collectList()
          .map(entries -> page(entries, Paging.of(req.getPagination())));
    });
  }

  private Mono<Void> requireUser(String userID) {
    return users.find(userID)
        .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.USER_NOT_FOUND, "user not found")))
        .then();
  }

  /** No pagination reads as page 0, an empty page: the total only, as the reference (spec/api-auth-user.md §29). */
  private static PageUserClientConfigResp page(List<ClientConfigEntry> entries, Paging paging) {
    PageUserClientConfigResp.Builder resp = PageUserClientConfigResp.newBuilder().setTotal(entries.size());
    paging.slice(entries).stream()
        .map(entry -> ClientConfig.newBuilder()
            .setKey(entry.key())
            .setUserID(entry.userID())
            .setValue(entry.value())
            .build())
        .forEach(resp::addConfigs);
    return resp.build();
  }
}
