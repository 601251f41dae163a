package io.imflux.auth;

import io.imflux.api.Dialect;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Operator;
import io.imflux.api.Platform;
import io.imflux.config.ImfluxProperties;
import io.imflux.proto.auth.ForceLogoutReq;
import io.imflux.proto.auth.GetAdminTokenReq;
import io.imflux.proto.auth.GetAdminTokenResp;
import io.imflux.proto.auth.GetUserTokenReq;
import io.imflux.proto.auth.GetUserTokenResp;
import io.imflux.proto.auth.ParseTokenReq;
import io.imflux.proto.auth.ParseTokenResp;
import io.imflux.user.User;
import io.imflux.user.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The rules of the /auth/* routes (spec/api-auth-user.md §1-§4), in the reference's order of checks. */
@Service
public class AuthService {

  private final TokenService tokens;
  private final AdminUsers admins;
  private final UserStore users;
  private final Dialect dialect;
  private final byte[] secret;
  private final List<LogoutListener> logoutListeners;

  public AuthService(TokenService tokens, AdminUsers admins, UserStore users, Dialect dialect,
      ImfluxProperties properties, List<LogoutListener> logoutListeners) {
    this.tokens = tokens;
    this.admins = admins;
    this.users = users;
    this.dialect = dialect;
    this.secret = properties.secret().getBytes(StandardCharsets.UTF_8);
    this.logoutListeners = List.copyOf(logoutListeners);
  }

  public Mono<GetAdminTokenResp> getAdminToken(GetAdminTokenReq request) {
    if (request.getUserID().isEmpty()) {
      throw ImError.args("userID is empty");
    }
    if (!MessageDigest.isEqual(secret, request.getSecret().getBytes(StandardCharsets.UTF_8))) {
      throw ImError.noPermission("secret invalid");
    }
    if (!admins.isAdmin(request.getUserID())) {
      throw ImError.args("userID is not admin");
    }
    return users.find(request.getUserID())
        .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.USER_NOT_FOUND, "user not found")))
        .flatMap(admin -> tokens.issue(admin.userID(), Platform.ADMIN))
        .map(token -> GetAdminTokenResp.newBuilder()
            .setToken(token)
            .setExpireTimeSeconds(tokens.lifetimeSeconds())
            .build());
  }

  public Mono<GetUserTokenResp> getUserToken(Operator operator, GetUserTokenReq request) {
    Platform platform = dialect.platform(request.getPlatformID())
        .orElseThrow(() -> ImError.args("platformID is invalid"));
    operator.requireAdmin();
    if (platform == Platform.ADMIN) {
      throw ImError.noPermission("platformID invalid. platformID must not be adminPlatformID");
    }
    if (admins.isAdmin(request.getUserID())) {
      throw ImError.noPermission("don't get Admin token");
    }
    return users.find(request.getUserID())
        .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.USER_NOT_FOUND, "user not found")))
        .flatMap(user -> {
          if (user.appMangerLevel() >= User.LEVEL_NOTIFICATION_ACCOUNT) {
            return Mono.error(ImError.args("app account can't get token"));
          }
          return tokens.issue(user.userID(), platform);
        })
        .map(token -> GetUserTokenResp.newBuilder()
            .setToken(token)
            .setExpireTimeSeconds(tokens.lifetimeSeconds())
            .build());
  }

  public Mono<ParseTokenResp> parseToken(ParseTokenReq request) {
    if (request.getToken().isEmpty()) {
      throw ImError.args("userID is empty");
    }
    return tokens.verify(request.getToken()).map(claims -> ParseTokenResp.newBuilder()
        .setUserID(claims.userID())
        .setPlatformID(claims.platformID())
        .setExpireTimeSeconds(claims.expiresAt().getEpochSecond())
        .build());
  }

  public Mono<Void> forceLogout(Operator operator, ForceLogoutReq request) {
    Platform platform = dialect.platform(request.getPlatformID())
        .orElseThrow(() -> ImError.args("platformID is invalidate"));
    if (request.getUserID().isEmpty()) {
      throw ImError.args("userID is empty");
    }
    operator.requireAdmin();
    return Flux.fromIterable(logoutListeners)
        .concatMap(listener -> listener.onForcedLogout(request.getUserID(), platform))
        .then(tokens.kickAll(request.getUserID(), platform));
  }
}
