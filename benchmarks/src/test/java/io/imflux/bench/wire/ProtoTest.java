package io.imflux.bench.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written protobuf messages: exact bytes where the layout is fixed, and the relay/loader round trip. */
class ProtoTest {

  @Test
  void getMaxSeqIsTheSpecsPayload() {
    // spec/gateway.md §7.9: GetMaxSeqReq{userID:"u1"} = 0A 02 75 31
    assertEquals("0a027531", HexFormat.of().formatHex(Proto.getMaxSeq("u1")));
  }

  @Test
  void pushedMessagesReadBackAsTheRelayWritesThem() {
    byte[] msg = Proto.textMessage("alice", "bob", "c1", 2, "{\"content\":\"hi\"}".getBytes(), 1700000000000L);
    Proto.Routing routing = Proto.routing(msg);
    assertEquals(new Proto.Routing("alice", "bob", "c1"), routing);
    byte[] push = Proto.pushMessages(Proto.singleChatID("bob", "alice"), Proto.stamped(msg, "s1", 1700000000001L, 9));
    assertEquals(List.of(new Proto.Pushed("si_alice_bob", false, "alice", "bob", "c1", "s1", 9, 1700000000001L)),
        Proto.pushed(push));
    assertEquals(new Proto.SendResult("s1", "c1", 5), Proto.sendResult(Proto.sendMsgResp("s1", "c1", 5)));
  }

  @Test
  void notificationMapIsToldApart() {
    // PushMessages{notificationMsgs (field 2): {"n_x": PullMsgs{Msgs: [MsgData{clientMsgID: "c"}]}}}
    byte[] msg = HexFormat.of().parseHex("220163");
    byte[] pull = concat(new byte[] {0x0a, (byte) msg.length}, msg);
    byte[] entry = concat(HexFormat.of().parseHex("0a036e5f78"), concat(new byte[] {0x12, (byte) pull.length}, pull));
    byte[] push = concat(new byte[] {0x12, (byte) entry.length}, entry);
    assertEquals(List.of(new Proto.Pushed("n_x", true, "", "", "c", "", 0, 0)), Proto.pushed(push));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
