package io.imflux.gateway;

import io.imflux.testing.ImfluxTest;
import io.imflux.testing.OpenImDialect;

/** Online status in the openim dialect: Linux is 7. */
@ImfluxTest
@OpenImDialect
class OnlineStatusOpenImTest extends OnlineStatusContract {

  @Override
  int linux() {
    return 7;
  }
}
