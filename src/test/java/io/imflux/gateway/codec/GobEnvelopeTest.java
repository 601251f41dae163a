package io.imflux.gateway.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Golden bytes of spec/gateway.md §7: every hex example there, both directions, and the decoder's rejections. */
class GobEnvelopeTest {

  private static final HexFormat HEX = HexFormat.of();

  private static final String KICK = GobGolden.KICK;
  private static final String RESP_PREFIX = GobGolden.RESP_PREFIX;
  private static final String SDK_REQUEST = GobGolden.SDK_REQUEST;

  @Test
  void primitivesEncodeAsTheSpecShows() {
    assertThat(uint(7)).isEqualTo("07");
    assertThat(uint(200)).isEqualTo("ffc8");
    assertThat(uint(4004)).isEqualTo("fe0fa4");
    assertThat(integer(1001)).isEqualTo("fe07d2");
    assertThat(integer(2002)).isEqualTo("fe0fa4");
    assertThat(integer(-1)).isEqualTo("01");
    assertThat(integer(2)).isEqualTo("04");
    assertThat(integer(-65)).isEqualTo("ff81");
    assertThat(integer(65)).isEqualTo("ff82");
    assertThat(integer(Long.MIN_VALUE)).isEqualTo("f8ffffffffffffffff");
  }

  @Test
  void primitivesDecodeBack() {
    for (long value : new long[] {0, 1, -1, 2, 63, 64, -65, 65, 1001, 2002, 1302, Integer.MAX_VALUE, Long.MIN_VALUE,
        Long.MAX_VALUE}) {
      Scratch out = new Scratch();
      GobWriter.writeInt(out, value);
      assertThat(new GobReader(out.bytes, 0, out.length).readInt()).isEqualTo(value);
    }
  }

  @Test
  void kickFrameIsByteForByteTheReferencesFrame() {
    Resp kick = new Resp(2002, "", "", 0, "", new byte[0]);
    assertThat(HEX.formatHex(FrameFormat.GOB.encode(kick))).isEqualTo(KICK);
    assertThat(HEX.formatHex(GobEnvelope.RESP.definition)).isEqualTo(RESP_PREFIX).hasSize(97 * 2);
  }

  @Test
  void errorReplyIsTheConstantPrefixAndTheSpecsValue() {
    Resp error = new Resp(1003, "u1_7", "op1", 1302, "BlockedByPeer", new byte[0]);
    String value = "25ff82" + "01fe07d6" + "010475315f37" + "01036f7031" + "01fe0a2c"
        + "010d" + HEX.formatHex("BlockedByPeer".getBytes(StandardCharsets.US_ASCII)) + "00";
    assertThat(HEX.formatHex(FrameFormat.GOB.encode(error))).isEqualTo(RESP_PREFIX + value);
  }

  @Test
  void successReplySkipsFromOperationIdToDataWithDeltaThree() {
    Resp reply = new Resp(1001, "u1_7", "op1", 0, "", new byte[] {0x0a, 0x02, 0x75, 0x31});
    String value = "ff82" + "01fe07d2" + "010475315f37" + "01036f7031" + "03040a027531" + "00";
    String length = HEX.formatHex(new byte[] {(byte) (value.length() / 2)});
    assertThat(HEX.formatHex(FrameFormat.GOB.encode(reply))).isEqualTo(RESP_PREFIX + length + value);
  }

  @Test
  void sdkRequestDecodes() {
    Req req = FrameFormat.GOB.decodeRequest(HEX.parseHex(SDK_REQUEST));
    assertThat(req.reqIdentifier()).isEqualTo(1001);
    assertThat(req.token()).isEmpty();
    assertThat(req.sendID()).isEqualTo("u1");
    assertThat(req.operationID()).isEqualTo("op1");
    assertThat(req.msgIncr()).isEqualTo("u1_7");
    assertThat(req.data()).containsExactly(0x0a, 0x02, 0x75, 0x31);
  }

  @Test
  void requestEncodesAsTheSdkDoes() {
    Req req = new Req(1001, "", "u1", "op1", "u1_7", new byte[] {0x0a, 0x02, 0x75, 0x31});
    assertThat(HEX.formatHex(FrameFormat.GOB.encode(req))).isEqualTo(SDK_REQUEST);
  }

  @Test
  void kickAndErrorFramesDecodeBack() {
    Resp kick = FrameFormat.GOB.decodeResponse(HEX.parseHex(KICK));
    assertThat(kick).usingRecursiveComparison().isEqualTo(new Resp(2002, "", "", 0, "", new byte[0]));
    Resp error = new Resp(1003, "u1_7", "op1", 1302, "BlockedByPeer", new byte[0]);
    assertThat(FrameFormat.GOB.decodeResponse(FrameFormat.GOB.encode(error))).usingRecursiveComparison()
        .isEqualTo(error);
  }

  @Test
  void nonAsciiStringsAreUtf8() {
    Resp resp = new Resp(2001, "", "opé✓😀", 0, "", new byte[] {1});
    assertThat(FrameFormat.GOB.decodeResponse(FrameFormat.GOB.encode(resp)).operationID()).isEqualTo("opé✓😀");
  }

  /** The SDK declares its Resp fields in another order, under another name: gob matches by name (§6.2). */
  @Test
  void fieldsAreMatchedByNameWhateverTheOrderStructNameOrTypeId() {
    GobStruct sdkResp = new GobStruct("GeneralWsResp",
        new String[] {"ReqIdentifier", "ErrCode", "ErrMsg", "MsgIncr", "OperationID", "Data", "Extra"},
        new int[] {GobStruct.INT, GobStruct.INT, GobStruct.STRING, GobStruct.STRING, GobStruct.STRING, GobStruct.BYTES,
            GobStruct.UINT}, 70);
    Scratch out = new Scratch();
    out.put(sdkResp.definition, 0, sdkResp.definition.length);
    Scratch value = new Scratch();
    GobWriter.writeInt(value, 70);
    value.put((byte) 1);
    GobWriter.writeInt(value, 1003);       // ReqIdentifier
    value.put((byte) 1);
    GobWriter.writeInt(value, 1302);       // ErrCode
    value.put((byte) 2);
    GobWriter.writeString(value, "op1");   // MsgIncr (ErrMsg skipped)
    value.put((byte) 3);
    GobWriter.writeUint(value, 99);        // Extra, unknown to the server
    value.put((byte) 0);
    GobWriter.writeUint(out, value.length);
    out.put(value.bytes, 0, value.length);
    Resp resp = GobEnvelope.INSTANCE.decodeResponse(out.bytes, 0, out.length);
    assertThat(resp.reqIdentifier()).isEqualTo(1003);
    assertThat(resp.errCode()).isEqualTo(1302);
    assertThat(resp.msgIncr()).isEqualTo("op1");
    assertThat(resp.errMsg()).isEmpty();
  }

  @Test
  void malformedStreamsAreRejected() {
    byte[] sdk = HEX.parseHex(SDK_REQUEST);
    byte[] valueOnly = java.util.Arrays.copyOfRange(sdk, 0x67, sdk.length);
    assertRejected(valueOnly, "undefined type");
    assertRejected(java.util.Arrays.copyOf(sdk, sdk.length - 3), "exceeds");
    assertRejected(new byte[0], "no value");
    assertRejected(HEX.parseHex("ff"), "end of message");
    GobStruct lowTypeId = new GobStruct("GeneralWsReq", new String[] {"ReqIdentifier"}, new int[] {2}, 63);
    assertRejected(lowTypeId.definition, "below the first user type id");
    GobStruct floats = new GobStruct("GeneralWsReq", new String[] {"ReqIdentifier", "Data"}, new int[] {2, 7});
    assertRejected(floats.definition, "unsupported field type");
    GobStruct mismatch = new GobStruct("GeneralWsReq", new String[] {"ReqIdentifier"}, new int[] {GobStruct.STRING});
    assertRejected(mismatch.definition, "type mismatch");
  }

  @Test
  void reqIdentifierOutsideInt32IsRejected() {
    Req req = new Req(1, "", "u1", "op1", "u1_7", new byte[0]);
    byte[] frame = FrameFormat.GOB.encode(req);
    Scratch out = new Scratch();
    out.put(GobEnvelope.REQ.definition, 0, GobEnvelope.REQ.definition.length);
    Scratch value = new Scratch();
    GobWriter.writeInt(value, 65);
    value.put((byte) 1);
    GobWriter.writeInt(value, 1L << 40);
    value.put((byte) 0);
    GobWriter.writeUint(out, value.length);
    out.put(value.bytes, 0, value.length);
    assertThat(frame).isNotEmpty();
    assertThatThrownBy(() -> GobEnvelope.INSTANCE.decodeRequest(out.bytes, 0, out.length))
        .isInstanceOf(CodecException.class).hasMessageContaining("out of range");
  }

  private static void assertRejected(byte[] frame, String reason) {
    assertThatThrownBy(() -> FrameFormat.GOB.decodeRequest(frame))
        .isInstanceOf(CodecException.class).hasMessageContaining(reason);
  }

  private static String uint(long value) {
    Scratch out = new Scratch();
    GobWriter.writeUint(out, value);
    return HEX.formatHex(out.bytes, 0, out.length);
  }

  private static String integer(long value) {
    Scratch out = new Scratch();
    GobWriter.writeInt(out, value);
    return HEX.formatHex(out.bytes, 0, out.length);
  }
}
