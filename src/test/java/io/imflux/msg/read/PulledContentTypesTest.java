package io.imflux.msg.read;

import io.imflux.testing.ImfluxTest;

/** The {@code document} dialect: quote 112, business notification 1400, OA notification 1201. */
@ImfluxTest
class PulledContentTypesTest extends PulledContentTypesContract {

  @Override
  int quote() {
    return 112;
  }

  @Override
  int businessNotification() {
    return 1400;
  }

  @Override
  int oaNotification() {
    return 1201;
  }

  @Override
  String successMsg() {
    return "success";
  }
}
