package io.imflux.auth;

import io.imflux.testing.ImfluxTest;

/** The /auth/* routes in the default {@code document} dialect: 1005 for every token error, 6 = Linux, 999 = Admin. */
@ImfluxTest
class AuthRoutesTest extends AuthRoutesContract {

  @Override
  int adminPlatform() {
    return 999;
  }

  @Override
  int linuxPlatform() {
    return 6;
  }

  @Override
  int userNotFound() {
    return 1003;
  }

  @Override
  int tokenError(int openimCode) {
    return 1005;
  }
}
