package io.imflux.bench.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.imflux.bench.wire.Envelope.Req;
import io.imflux.bench.wire.Envelope.Resp;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The load generator's gob codec against the hex examples of spec/gateway.md §7, both directions. */
class GobTest {

  private static final HexFormat HEX = HexFormat.of();
  /** §7.7: the kick frame as the reference emits it. */
  private static final String KICK = "60ff81030101045265737001ff82000106010d5265714964656e7469666965720104000107"
      + "4d7367496e6372010c00010b4f7065726174696f6e4944010c000107457272436f646501040001064572724d7367010c000104446174"
      + "61010a00000007ff8201fe0fa400";
  private static final String RESP_DEFINITION = KICK.substring(0, 97 * 2);
  /** §7.9: GetNewestSeq from the Go SDK. */
  private static final String SDK_REQUEST = "66ff810301010c47656e6572616c577352657101ff82000106010d5265714964656e7469"
      + "666965720104000105546f6b656e010c00010653656e644944010c00010b4f7065726174696f6e4944010c0001074d7367496e6372010c"
      + "00010444617461010a0000001cff8201fe07d20202753101036f7031010475315f3701040a02753100";

  @Test
  void encodesTheSdkRequestByteForByte() {
    Req req = new Req(1001, "u1", "op1", "u1_7", new byte[] {0x0a, 0x02, 0x75, 0x31});
    assertEquals(SDK_REQUEST, HEX.formatHex(Envelope.encode(req, false)));
  }

  @Test
  void decodesTheKickFrame() {
    Resp kick = Envelope.decodeResp(HEX.parseHex(KICK), false);
    assertEquals(new Resp(2002, "", "", 0, "", new byte[0]).toString().replaceAll("@\\w+", ""),
        kick.toString().replaceAll("@\\w+", ""));
    assertEquals(0, kick.data().length);
  }

  @Test
  void decodesTheErrorReply() {
    String value = "25ff82" + "01fe07d6" + "010475315f37" + "01036f7031" + "01fe0a2c" + "010d"
        + HEX.formatHex("BlockedByPeer".getBytes()) + "00";
    Resp error = Envelope.decodeResp(HEX.parseHex(RESP_DEFINITION + value), false);
    assertEquals(1003, error.reqIdentifier());
    assertEquals("u1_7", error.msgIncr());
    assertEquals("op1", error.operationID());
    assertEquals(1302, error.errCode());
    assertEquals("BlockedByPeer", error.errMsg());
  }

  @Test
  void decodesASuccessReplyThatSkipsToDataWithDeltaThree() {
    String value = "ff82" + "01fe07d2" + "010475315f37" + "01036f7031" + "03040a027531" + "00";
    String frame = RESP_DEFINITION + HEX.formatHex(new byte[] {(byte) (value.length() / 2)}) + value;
    Resp reply = Envelope.decodeResp(HEX.parseHex(frame), false);
    assertEquals(1001, reply.reqIdentifier());
    assertEquals(0, reply.errCode());
    assertArrayEquals(new byte[] {0x0a, 0x02, 0x75, 0x31}, reply.data());
  }

  @Test
  void encodesTheKickFrameAsTheReferenceDoes() {
    assertEquals(KICK, HEX.formatHex(Envelope.encode(new Resp(2002, "", "", 0, "", new byte[0]), false)));
  }

  @Test
  void decodesTheSdkRequest() {
    Req req = Envelope.decodeReq(HEX.parseHex(SDK_REQUEST), false);
    assertEquals(1001, req.reqIdentifier());
    assertEquals("u1", req.sendID());
    assertEquals("op1", req.operationID());
    assertEquals("u1_7", req.msgIncr());
    assertArrayEquals(new byte[] {0x0a, 0x02, 0x75, 0x31}, req.data());
  }

  @Test
  void matchesFieldsByNameWhateverTheOrderAndTypeIdThePeerDeclares() {
    // The SDK's declaration order for Resp differs from the server's (§6.2), and a decoder must not assume ID 65.
    Gob.Type sdkOrder = Gob.Type.of("GeneralWsResp",
        new String[] {"ReqIdentifier", "ErrCode", "ErrMsg", "MsgIncr", "OperationID", "Data", "Extra"},
        new int[] {Gob.INT, Gob.INT, Gob.STRING, Gob.STRING, Gob.STRING, Gob.BYTES, Gob.STRING});
    byte[] frame = Gob.encode(sdkOrder, 2001, -7L, "Oops", "m_1", "op", new byte[] {1, 2}, "ignored");
    // Renumber the type 66: the definition's ID -65 (ff 81) after its length byte, the value's 65 (ff 82) after its.
    int valueStart = sdkOrder.definition().length;
    assertEquals((byte) 0x81, frame[2]);
    assertEquals((byte) 0x82, frame[valueStart + 2]);
    frame[2] = (byte) 0x83;
    frame[valueStart + 2] = (byte) 0x84;
    Resp resp = Envelope.decodeResp(frame, false);
    assertEquals(2001, resp.reqIdentifier());
    assertEquals(-7, resp.errCode());
    assertEquals("Oops", resp.errMsg());
    assertEquals("m_1", resp.msgIncr());
    assertEquals("op", resp.operationID());
    assertArrayEquals(new byte[] {1, 2}, resp.data());
  }

  @Test
  void rejectsValuesOfUndefinedTypesAndTruncatedFrames() {
    byte[] kick = HEX.parseHex(KICK);
    byte[] valueOnly = HEX.parseHex("07ff8201fe0fa400");
    assertThrows(IllegalArgumentException.class, () -> Envelope.decodeResp(valueOnly, false));
    byte[] truncated = java.util.Arrays.copyOf(kick, kick.length - 2);
    assertThrows(IllegalArgumentException.class, () -> Envelope.decodeResp(truncated, false));
  }
}
