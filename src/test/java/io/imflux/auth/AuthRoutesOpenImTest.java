package io.imflux.auth;

import io.imflux.testing.ImfluxTest;
import io.imflux.testing.OpenImDialect;

/** The /auth/* routes in the {@code openim} dialect: token errors 1501-1507, 7 = Linux, 10 = Admin. */
@ImfluxTest
@OpenImDialect
class AuthRoutesOpenImTest extends AuthRoutesContract {

  @Override
  int adminPlatform() {
    return 10;
  }

  @Override
  int linuxPlatform() {
    return 7;
  }

  @Override
  int userNotFound() {
    return 1004;
  }

  @Override
  int tokenError(int openimCode) {
    return openimCode;
  }
}
