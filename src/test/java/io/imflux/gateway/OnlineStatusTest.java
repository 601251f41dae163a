package io.imflux.gateway;

import io.imflux.testing.ImfluxTest;

/** Online status in the document dialect: Linux is 6. */
@ImfluxTest
class OnlineStatusTest extends OnlineStatusContract {

  @Override
  int linux() {
    return 6;
  }
}
