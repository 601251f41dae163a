package io.imflux.gateway;

import io.imflux.testing.ImfluxTest;

/** Pushes in the document dialect: quote 112, business notification 1400, Linux 6. */
@ImfluxTest
class PushTest extends PushContract {

  @Override
  int linux() {
    return 6;
  }

  @Override
  int shownQuote() {
    return 112;
  }

  @Override
  int shownBusinessNotification() {
    return 1400;
  }
}
