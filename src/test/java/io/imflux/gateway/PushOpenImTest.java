package io.imflux.gateway;

import io.imflux.testing.ImfluxTest;
import io.imflux.testing.OpenImDialect;

/** Pushes in the openim dialect: quote 114, business notification 2001, Linux 7. */
@ImfluxTest
@OpenImDialect
class PushOpenImTest extends PushContract {

  @Override
  int linux() {
    return 7;
  }

  @Override
  int shownQuote() {
    return 114;
  }

  @Override
  int shownBusinessNotification() {
    return 2001;
  }
}
