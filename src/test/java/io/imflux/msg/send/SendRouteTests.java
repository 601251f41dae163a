package io.imflux.msg.send;

import io.imflux.testing.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every send route test class starts from: a client of the running server and an admin token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SendRouteTests {

  @LocalServerPort
  int port;

  ApiClient client;
  SendCalls calls;
  String admin;

  @BeforeAll
  void connect() {
    client = new ApiClient(port);
    calls = new SendCalls(client);
    admin = client.adminToken();
  }
}
