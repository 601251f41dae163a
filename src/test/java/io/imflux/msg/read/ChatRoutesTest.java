package io.imflux.msg.read;

import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageSender;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An integration test of these routes with two new users, alice and bob, and their single chat. */
abstract class ChatRoutesTest {

  @LocalServerPort
  int port;
  @Autowired
  MessageSender sender;

  ReadFixture chat;
  String alice;
  String bob;
  String conversationID;

  @BeforeEach
  void twoUsers() {
    chat = new ReadFixture(port, sender);
    List<String> users = chat.users("chat", 2);
    alice = users.get(0);
    bob = users.get(1);
    conversationID = ConversationIds.single(alice, bob);
  }
}
